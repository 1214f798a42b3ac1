using System.Buffers.Binary;

namespace Poyo.OpenApi;

/// <summary>
/// Reads the movie duration of an MP4 or MOV file (ISO base media file format, ISO/IEC 14496-12) from the
/// <c>mvhd</c> box inside <c>moov</c>, reading only box headers: every other box (<c>mdat</c> above all) is skipped by
/// seeking, so <c>moov</c> at the end of a large file costs a few small reads. Handles 32-bit and 64-bit
/// (<c>size == 1</c>) box sizes, <c>size == 0</c> (box runs to the end of the file) and <c>mvhd</c> versions 0 and 1.
/// Pure: no I/O besides <see cref="IRandomAccessByteSource.ReadAsync"/>; never throws for bad bytes.
/// </summary>
internal static class IsoBmffDurationReader
{
    /// <summary>At most this many boxes are looked at on one level before giving up (a guard against junk).</summary>
    internal const int MaxBoxesPerLevel = 4096;

    private const uint Moov = 0x6D6F6F76; // 'moov'
    private const uint Mvhd = 0x6D766864; // 'mvhd'

    /// <summary>Finds the duration in the <c>mvhd</c> box of the file in <paramref name="source"/>.</summary>
    /// <param name="source">The file; its length may be unknown until the first read.</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    /// <returns>The duration when found, else why not.</returns>
    /// <exception cref="ByteSourceException">The source could not give bytes the parser needed.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static async Task<IsoBmffDurationResult> ReadAsync(IRandomAccessByteSource source, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        var buffer = new byte[32];
        long offset = 0;
        for (var index = 0; index < MaxBoxesPerLevel; index++)
        {
            var header = await ReadHeaderAsync(source, offset, source.Length, buffer, cancellationToken).ConfigureAwait(false);
            if (header.Status == HeaderStatus.End)
            {
                return new(IsoBmffDurationStatus.NoMoov, index == 0
                    ? "The file is empty."
                    : $"The file ends at byte {offset} without a 'moov' box, so it has no readable duration.");
            }

            if (header.Status != HeaderStatus.Ok)
            {
                return HeaderProblem(header, offset, index == 0);
            }

            if (index == 0 && !IsKnownFirstBox(header.Type))
            {
                return HeaderProblem(header with { Status = HeaderStatus.BadType }, offset, first: true);
            }

            var fileLength = source.Length;
            if (header.Type == Moov)
            {
                var moovEnd = header.Size < 0 ? fileLength ?? long.MaxValue : offset + header.Size;
                if (fileLength is { } known && moovEnd > known)
                {
                    moovEnd = known; // a cut-off moov may still hold a complete mvhd
                }

                return await ReadMoovAsync(source, offset, offset + header.HeaderSize, moovEnd, buffer, cancellationToken).ConfigureAwait(false);
            }

            if (header.Size < 0 || header.ToEnd)
            {
                return new(IsoBmffDurationStatus.NoMoov,
                    $"Box '{TypeName(header.Type)}' at offset {offset} runs to the end of the file and no 'moov' box came before it.");
            }

            var next = offset + header.Size;
            if (fileLength is { } length && next > length)
            {
                return new(IsoBmffDurationStatus.Truncated,
                    $"Box '{TypeName(header.Type)}' at offset {offset} declares {header.Size} bytes but the file has only {length}: the file is cut off, and no 'moov' box came before the cut.");
            }

            offset = next;
        }

        return new(IsoBmffDurationStatus.Malformed, $"No 'moov' box among the first {MaxBoxesPerLevel} boxes.");
    }

    private static async Task<IsoBmffDurationResult> ReadMoovAsync(
        IRandomAccessByteSource source, long moovOffset, long start, long end, byte[] buffer, CancellationToken cancellationToken)
    {
        var offset = start;
        for (var index = 0; index < MaxBoxesPerLevel; index++)
        {
            var header = await ReadHeaderAsync(source, offset, end, buffer, cancellationToken).ConfigureAwait(false);
            if (header.Status == HeaderStatus.End)
            {
                return new(IsoBmffDurationStatus.NoMvhd, $"The 'moov' box at offset {moovOffset} holds no 'mvhd' box.");
            }

            if (header.Status != HeaderStatus.Ok)
            {
                return HeaderProblem(header, offset, first: false);
            }

            if (header.Type == Mvhd)
            {
                return await ReadMvhdAsync(source, offset, header, buffer, cancellationToken).ConfigureAwait(false);
            }

            if (header.Size < 0)
            {
                return new(IsoBmffDurationStatus.NoMvhd, $"The 'moov' box at offset {moovOffset} holds no 'mvhd' box.");
            }

            offset += header.Size;
            if (offset > end)
            {
                return new(IsoBmffDurationStatus.Truncated,
                    $"Box '{TypeName(header.Type)}' inside 'moov' runs past the end of 'moov' or of the file, before any 'mvhd' box.");
            }
        }

        return new(IsoBmffDurationStatus.Malformed, $"No 'mvhd' box among the first {MaxBoxesPerLevel} boxes of 'moov'.");
    }

    private static async Task<IsoBmffDurationResult> ReadMvhdAsync(
        IRandomAccessByteSource source, long offset, BoxHeader header, byte[] buffer, CancellationToken cancellationToken)
    {
        // FullBox: version (1) + flags (3); then v0: creation (4), modification (4), timescale (4), duration (4);
        // v1: creation (8), modification (8), timescale (4), duration (8).
        var payload = offset + header.HeaderSize;
        var read = await ReadFullyAsync(source, payload, buffer.AsMemory(0, 32), cancellationToken).ConfigureAwait(false);
        if (read < 1)
        {
            return new(IsoBmffDurationStatus.Truncated, $"The file ends inside the 'mvhd' box at offset {offset}.");
        }

        int version = buffer[0];
        int needed = version switch { 0 => 20, 1 => 32, _ => -1 };
        if (needed < 0)
        {
            return new(IsoBmffDurationStatus.Malformed, $"The 'mvhd' box at offset {offset} has version {version}; only 0 and 1 exist.");
        }

        if (header.Size >= 0 && header.Size - header.HeaderSize < needed)
        {
            return new(IsoBmffDurationStatus.Malformed,
                $"The 'mvhd' box at offset {offset} (version {version}) is {header.Size} bytes, too small to hold a duration.");
        }

        if (read < needed)
        {
            return new(IsoBmffDurationStatus.Truncated, $"The file ends inside the 'mvhd' box at offset {offset}.");
        }

        uint timescale;
        ulong duration;
        bool unknown;
        if (version == 0)
        {
            timescale = BinaryPrimitives.ReadUInt32BigEndian(buffer.AsSpan(12, 4));
            var duration32 = BinaryPrimitives.ReadUInt32BigEndian(buffer.AsSpan(16, 4));
            duration = duration32;
            unknown = duration32 == uint.MaxValue;
        }
        else
        {
            timescale = BinaryPrimitives.ReadUInt32BigEndian(buffer.AsSpan(20, 4));
            duration = BinaryPrimitives.ReadUInt64BigEndian(buffer.AsSpan(24, 8));
            unknown = duration == ulong.MaxValue;
        }

        if (timescale == 0)
        {
            return new(IsoBmffDurationStatus.Malformed, $"The 'mvhd' box at offset {offset} has a timescale of 0.", 0, duration, version);
        }

        if (unknown || duration == 0)
        {
            return new(IsoBmffDurationStatus.UnknownDuration,
                unknown
                    ? "The 'mvhd' box says the duration is unknown."
                    : "The 'mvhd' box gives a duration of 0 (a fragmented MP4 keeps its duration elsewhere).",
                timescale, duration, version);
        }

        return new(IsoBmffDurationStatus.Found, $"Duration read from the 'mvhd' box (version {version}) at offset {offset}.", timescale, duration, version);
    }

    private static async Task<BoxHeader> ReadHeaderAsync(
        IRandomAccessByteSource source, long offset, long? end, byte[] buffer, CancellationToken cancellationToken)
    {
        var want = 16;
        if (end is { } limit)
        {
            var remaining = limit - offset;
            if (remaining < 8)
            {
                return new(HeaderStatus.End, 0, 0, 0); // nothing, or padding too short for a box
            }

            want = (int)Math.Min(16, remaining);
        }

        var read = await ReadFullyAsync(source, offset, buffer.AsMemory(0, want), cancellationToken).ConfigureAwait(false);
        if (read == 0)
        {
            return new(HeaderStatus.End, 0, 0, 0);
        }

        if (read < 8)
        {
            return new(HeaderStatus.Truncated, 0, 0, 0);
        }

        var size32 = BinaryPrimitives.ReadUInt32BigEndian(buffer.AsSpan(0, 4));
        var type = BinaryPrimitives.ReadUInt32BigEndian(buffer.AsSpan(4, 4));
        if (!IsPlausibleType(type))
        {
            return new(HeaderStatus.BadType, type, 0, 0);
        }

        if (size32 == 1)
        {
            if (read < 16)
            {
                return new(HeaderStatus.Truncated, type, 0, 0);
            }

            var large = BinaryPrimitives.ReadUInt64BigEndian(buffer.AsSpan(8, 8));
            return large < 16 || large > long.MaxValue
                ? new(HeaderStatus.BadSize, type, 16, (long)Math.Min(large, long.MaxValue))
                : new(HeaderStatus.Ok, type, 16, (long)large);
        }

        if (size32 == 0)
        {
            // Runs to the end of the enclosing box or file; -1 while that end is not known.
            return new(HeaderStatus.Ok, type, 8, end is { } e ? e - offset : -1, ToEnd: true);
        }

        return size32 < 8 ? new(HeaderStatus.BadSize, type, 8, size32) : new(HeaderStatus.Ok, type, 8, size32);
    }

    private static IsoBmffDurationResult HeaderProblem(BoxHeader header, long offset, bool first) => header.Status switch
    {
        HeaderStatus.Truncated => new(IsoBmffDurationStatus.Truncated, $"The file ends inside the box header at offset {offset}."),
        HeaderStatus.BadType when first => new(IsoBmffDurationStatus.Malformed,
            "The file does not start with an MP4/MOV box: it is not an MP4 or MOV file."),
        HeaderStatus.BadType => new(IsoBmffDurationStatus.Malformed,
            $"The bytes at offset {offset} are not a box header: the file is damaged or not an MP4/MOV file."),
        _ => new(IsoBmffDurationStatus.Malformed,
            $"Box '{TypeName(header.Type)}' at offset {offset} declares an impossible size of {header.Size} bytes."),
    };

    private static async Task<int> ReadFullyAsync(
        IRandomAccessByteSource source, long offset, Memory<byte> destination, CancellationToken cancellationToken)
    {
        var total = 0;
        while (total < destination.Length)
        {
            var read = await source.ReadAsync(offset + total, destination[total..], cancellationToken).ConfigureAwait(false);
            if (read <= 0)
            {
                break;
            }

            total += read;
        }

        return total;
    }

    /// <summary>Box types are four characters: printable ASCII, or © (0xA9) as in QuickTime's metadata atoms.</summary>
    private static bool IsPlausibleType(uint type)
    {
        for (var shift = 0; shift < 32; shift += 8)
        {
            var c = (type >> shift) & 0xFF;
            if ((c < 0x20 || c > 0x7E) && c != 0xA9)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// The boxes an MP4 or MOV file starts with: <c>ftyp</c> (or <c>styp</c>) in ISO files; old QuickTime files may
    /// start with <c>moov</c>, <c>mdat</c>, <c>wide</c>, <c>free</c>, <c>skip</c>, <c>pnot</c> or <c>junk</c>. Anything
    /// else (a web page's <c>&lt;!DO</c>) means the bytes are not such a file.
    /// </summary>
    private static bool IsKnownFirstBox(uint type) => type is
        0x66747970 /* ftyp */ or 0x73747970 /* styp */ or Moov or 0x6D646174 /* mdat */ or 0x77696465 /* wide */ or
        0x66726565 /* free */ or 0x736B6970 /* skip */ or 0x706E6F74 /* pnot */ or 0x6A756E6B /* junk */ or
        0x75756964 /* uuid */ or 0x70646E20 /* pdin */ or 0x73696478 /* sidx */;

    private static string TypeName(uint type) => string.Create(4, type, static (span, t) =>
    {
        for (var i = 0; i < 4; i++)
        {
            var c = (char)((t >> (24 - (8 * i))) & 0xFF);
            span[i] = c is >= ' ' and <= '~' ? c : '?';
        }
    });

    private enum HeaderStatus
    {
        Ok,
        End,
        Truncated,
        BadType,
        BadSize,
    }

    /// <summary>A box header; <see cref="Size"/> includes the header and is -1 for "to the end of an unknown file".</summary>
    private readonly record struct BoxHeader(HeaderStatus Status, uint Type, int HeaderSize, long Size, bool ToEnd = false);
}
