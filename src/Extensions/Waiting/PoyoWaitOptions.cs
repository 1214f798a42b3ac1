namespace Poyo.OpenApi;

/// <summary>
/// How <see cref="PoyoTaskOperation.WaitForCompletionAsync(IProgress{PoyoTaskProgress}, PoyoWaitOptions, CancellationToken)"/> polls. The defaults fit video tasks of minutes: a first
/// look after 5 s, then intervals growing ×1.5 from 5 s up to 15 s (±20 % jitter), for at most 30 minutes. With them a
/// 2-minute task costs 11 status requests and a 10-minute one 43 (fixed 2 s polling: about 60 and 300), each noticed
/// within 15 s of finishing.
/// </summary>
public sealed class PoyoWaitOptions
{
    /// <summary>The wait before the first status request. Default: 5 seconds.</summary>
    public TimeSpan InitialDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The interval after the first status request. Default: 5 seconds.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How much each interval grows over the previous one. Default: 1.5.</summary>
    public double BackoffFactor { get; set; } = 1.5;

    /// <summary>The longest interval between two status requests. Default: 15 seconds, within PoYo's advice of 5–10 s for video tasks once jittered and averaged, so a long task is noticed within about 15 s of finishing.</summary>
    public TimeSpan MaxPollInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Each interval is moved by up to this fraction either way so that many waiters spread out. Default: 0.2; 0 turns it off.</summary>
    public double JitterRatio { get; set; } = 0.2;

    /// <summary>
    /// How long to wait in all before giving up with a <see cref="PoyoWaitTimeoutException"/> (the task keeps running
    /// and can be resumed by id). Default: 30 minutes.
    /// </summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>
    /// The longest <c>Retry-After</c> honoured on 429/503. A longer one (or one past <see cref="Timeout"/>) is surfaced
    /// as the <see cref="PoyoException"/> instead of sleeping. Default: 2 minutes.
    /// </summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Checks the values; called before every wait.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A value is negative, zero where it must not be, or out of range.</exception>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(InitialDelay, TimeSpan.Zero, nameof(InitialDelay));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(PollInterval, TimeSpan.Zero, nameof(PollInterval));
        ArgumentOutOfRangeException.ThrowIfLessThan(BackoffFactor, 1.0, nameof(BackoffFactor));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxPollInterval, PollInterval, nameof(MaxPollInterval));
        ArgumentOutOfRangeException.ThrowIfLessThan(JitterRatio, 0.0, nameof(JitterRatio));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(JitterRatio, 0.5, nameof(JitterRatio));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(Timeout, TimeSpan.Zero, nameof(Timeout));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxRetryAfter, TimeSpan.Zero, nameof(MaxRetryAfter));
    }

    /// <summary>The interval after the <paramref name="pollsDone"/>-th status request, before jitter.</summary>
    internal TimeSpan IntervalAfter(int pollsDone)
    {
        var grown = PollInterval.TotalMilliseconds * Math.Pow(BackoffFactor, Math.Max(0, pollsDone - 1));
        return TimeSpan.FromMilliseconds(Math.Min(grown, MaxPollInterval.TotalMilliseconds));
    }
}
