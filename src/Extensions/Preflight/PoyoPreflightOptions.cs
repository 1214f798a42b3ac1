namespace Poyo.OpenApi;

/// <summary>Settings of a <see cref="PoyoPreflight"/>. Every property has a documented default taken from PoYo's docs.</summary>
public sealed class PoyoPreflightOptions
{
    /// <summary>
    /// The largest image accepted, in bytes. Default: 10 MiB (10,485,760). PoYo says "10MB" without saying whether
    /// that is 10⁶ or 2²⁰ bytes; set 10,000,000 to be strict.
    /// </summary>
    public long MaxImageBytes { get; set; } = InputFileLimits.MaxImageBytes;

    /// <summary>The largest video accepted, in bytes. Default: 100 MiB (104,857,600); see <see cref="MaxImageBytes"/>.</summary>
    public long MaxVideoBytes { get; set; } = InputFileLimits.MaxVideoBytes;

    /// <summary>The shortest video accepted. Default: 3 seconds.</summary>
    public TimeSpan MinVideoDuration { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>The longest video accepted with <see cref="CharacterOrientation.Image"/>. Default: 10 seconds.</summary>
    public TimeSpan MaxVideoDurationForImageOrientation { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The longest video accepted with <see cref="CharacterOrientation.Video"/>. Default: 30 seconds.</summary>
    public TimeSpan MaxVideoDurationForVideoOrientation { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// At most this many body bytes are read from one video to find its duration. Default: 256 KiB. A typical MP4 or
    /// MOV needs 1 to 4 KiB whether its <c>moov</c> box is at the start or the end.
    /// </summary>
    public long ReadBudgetBytes { get; set; } = 256 * 1024;

    /// <summary>Bytes fetched per range request at least, so that neighbouring box headers cost one request. Default: 1 KiB.</summary>
    public int RangeWindowBytes { get; set; } = 1024;

    /// <summary>How long the checks of one URL may take in all; past it the URL is "could not check". Default: 30 seconds.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The clock of <see cref="Timeout"/>. Default: <see cref="TimeProvider.System"/>; tests pass a fake one.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;
}
