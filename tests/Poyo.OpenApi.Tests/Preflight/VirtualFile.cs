namespace Poyo.OpenApi.Tests.Preflight;

/// <summary>
/// A file of any length made of a few real pieces with zeros in between, never held in memory whole: a 60 MB
/// <c>mdat</c> costs nothing unless someone reads it.
/// </summary>
internal sealed class VirtualFile
{
    private readonly (long Offset, byte[] Bytes)[] _pieces;

    public VirtualFile(long length, params (long Offset, byte[] Bytes)[] pieces)
    {
        Length = length;
        _pieces = pieces;
    }

    public long Length { get; }

    public static VirtualFile Of(byte[] bytes) => new(bytes.Length, (0, bytes));

    /// <summary>ftyp, then an mdat of <paramref name="mdatPayload"/> virtual bytes (64-bit size), then <paramref name="moov"/>.</summary>
    public static VirtualFile WithLargeMdat(long mdatPayload, byte[] moov)
    {
        var ftyp = Mp4Builder.Ftyp();
        var mdatHeader = Mp4Builder.LargeHeader("mdat", 16 + mdatPayload);
        var head = Mp4Builder.Concat(ftyp, mdatHeader);
        var moovAt = head.Length + mdatPayload;
        return new VirtualFile(moovAt + moov.Length, (0, head), (moovAt, moov));
    }

    public void CopyTo(long offset, Span<byte> destination)
    {
        destination.Clear();
        foreach (var (at, bytes) in _pieces)
        {
            var start = Math.Max(at, offset);
            var end = Math.Min(at + bytes.Length, offset + destination.Length);
            if (start < end)
            {
                bytes.AsSpan((int)(start - at), (int)(end - start)).CopyTo(destination[(int)(start - offset)..]);
            }
        }
    }

    public byte[] Read(long offset, int count)
    {
        var bytes = new byte[count];
        CopyTo(offset, bytes);
        return bytes;
    }
}

/// <summary>An in-memory <see cref="IRandomAccessByteSource"/> over a <see cref="VirtualFile"/> that counts and logs reads.</summary>
internal sealed class VirtualFileSource(VirtualFile file) : IRandomAccessByteSource
{
    public long? Length => file.Length;

    public long BytesRead { get; private set; }

    public List<(long Offset, int Count)> Reads { get; } = [];

    public ValueTask<int> ReadAsync(long offset, Memory<byte> destination, CancellationToken cancellationToken)
    {
        if (offset >= file.Length)
        {
            return ValueTask.FromResult(0);
        }

        var count = (int)Math.Min(destination.Length, file.Length - offset);
        file.CopyTo(offset, destination.Span[..count]);
        BytesRead += count;
        Reads.Add((offset, count));
        return ValueTask.FromResult(count);
    }
}
