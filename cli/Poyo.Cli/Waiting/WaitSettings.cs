using Poyo.OpenApi;

namespace Poyo.Cli.Waiting;

/// <summary>What the user asked of a wait (<c>--timeout</c>, <c>--poll-interval</c>), turned into the library's <see cref="PoyoWaitOptions"/>.</summary>
/// <param name="Timeout">The overall wait; null for the library's default (30 minutes).</param>
/// <param name="PollIntervalCap">No interval between two polls is longer than this, jitter included; null for the default.</param>
internal sealed record WaitSettings(TimeSpan? Timeout, TimeSpan? PollIntervalCap)
{
    /// <summary>The waiting policy for a client of the real API, or of the embedded sandbox (which answers at once, so polls fast).</summary>
    public PoyoWaitOptions ToOptions(bool embeddedSandbox)
    {
        var options = embeddedSandbox
            ? new PoyoWaitOptions
            {
                InitialDelay = TimeSpan.FromMilliseconds(200),
                PollInterval = TimeSpan.FromMilliseconds(200),
                MaxPollInterval = TimeSpan.FromSeconds(1),
            }
            : new PoyoWaitOptions();

        if (Timeout is { } timeout)
        {
            options.Timeout = timeout;
        }

        if (PollIntervalCap is { } cap)
        {
            // The library moves each interval by up to JitterRatio either way; shrink the ceiling so the cap holds after that.
            var ceiling = cap / (1 + options.JitterRatio);
            options.MaxPollInterval = ceiling;
            options.PollInterval = Min(options.PollInterval, ceiling);
            options.InitialDelay = Min(options.InitialDelay, ceiling);
        }

        return options;
    }

    private static TimeSpan Min(TimeSpan left, TimeSpan right) => left < right ? left : right;
}
