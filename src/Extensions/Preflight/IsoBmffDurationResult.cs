namespace Poyo.OpenApi;

/// <summary>What <see cref="IsoBmffDurationReader"/> found.</summary>
internal enum IsoBmffDurationStatus
{
    /// <summary>The <c>mvhd</c> box was read: <see cref="IsoBmffDurationResult.Duration"/> is known.</summary>
    Found,

    /// <summary>The file ended (or its last box runs to the end) without a <c>moov</c> box.</summary>
    NoMoov,

    /// <summary>The <c>moov</c> box holds no <c>mvhd</c> box.</summary>
    NoMvhd,

    /// <summary>The file ends inside a box: it was cut off or is still being written.</summary>
    Truncated,

    /// <summary>The bytes are not an ISO base media (MP4/MOV) file, or a box header is impossible.</summary>
    Malformed,

    /// <summary>The <c>mvhd</c> box says its duration is unknown (all bits set) or zero (a fragmented file).</summary>
    UnknownDuration,
}

/// <summary>The outcome of reading the movie duration of an MP4/MOV file.</summary>
/// <param name="Status">What was found.</param>
/// <param name="Detail">What happened, for a user (e.g. "box 'mdat' at offset 40 declares 87148 bytes ...").</param>
/// <param name="Timescale">Units per second of the <c>mvhd</c> duration; 0 unless found.</param>
/// <param name="DurationUnits">The raw <c>mvhd</c> duration in <paramref name="Timescale"/> units; 0 unless found.</param>
/// <param name="MvhdVersion">The <c>mvhd</c> version (0: 32-bit fields, 1: 64-bit); -1 unless read.</param>
internal sealed record IsoBmffDurationResult(
    IsoBmffDurationStatus Status,
    string Detail,
    uint Timescale = 0,
    ulong DurationUnits = 0,
    int MvhdVersion = -1)
{
    /// <summary>The duration, to the nearest 100 ns below, when <see cref="Status"/> is <see cref="IsoBmffDurationStatus.Found"/>.</summary>
    public TimeSpan? Duration
    {
        get
        {
            if (Status != IsoBmffDurationStatus.Found || Timescale == 0)
            {
                return null;
            }

            var ticks = (UInt128)DurationUnits * TimeSpan.TicksPerSecond / Timescale;
            return ticks > (UInt128)long.MaxValue ? TimeSpan.MaxValue : TimeSpan.FromTicks((long)ticks);
        }
    }
}
