using Poyo.OpenApi.Benchmarks.RoundTrip;

namespace Poyo.OpenApi.Benchmarks.Waiting;

/// <summary>One policy's cost for tasks of one nominal length: requests per task, and how late the end was noticed.</summary>
public sealed record PolicyCost(string Policy, TimeSpan TaskLength, IReadOnlyList<double> Requests, IReadOnlyList<double> DelaySeconds, IReadOnlyList<double> DelayShareOfAge)
{
    public double MedianRequests => Ratios.Stats.Median(Requests);

    public double P95Requests => Ratios.Stats.Percentile(Requests, 0.95);

    public double MedianDelay => Ratios.Stats.Median(DelaySeconds);

    public double P95Delay => Ratios.Stats.Percentile(DelaySeconds, 0.95);

    public double MedianShare => Ratios.Stats.Median(DelayShareOfAge);

    public double P95Share => Ratios.Stats.Percentile(DelayShareOfAge, 0.95);
}

/// <summary>
/// The real waiting code (<see cref="PoyoTaskOperation.WaitForCompletionAsync"/> through a full <see cref="PoyoClient"/>)
/// on a fake clock against an in-memory task that finishes at a set time. Every policy sees the same task lengths:
/// the nominal length ×0.85 to ×1.15, from a seeded random, so that the delays form a distribution rather than one value.
/// The default policy keeps its ±20 % jitter (Random.Shared: the medians move a little between runs).
/// </summary>
public static class PollingSimulation
{
    public static readonly TimeSpan[] TaskLengths = [TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(10)];

    public static IReadOnlyList<(string Name, PoyoWaitOptions Options)> Policies { get; } =
    [
        ("default", new PoyoWaitOptions()),
        ("fixed-2s", Fixed(TimeSpan.FromSeconds(2))),
        ("fixed-10s", Fixed(TimeSpan.FromSeconds(10))),

        // Not a shipped policy: the defaults with intervals growing x1.15 instead of x1.5, to show the trade-off
        // (an interval grown geometrically is about (factor - 1) x the task's age, which bounds the detection delay).
        ("growth-1.15", new PoyoWaitOptions { BackoffFactor = 1.15 }),
    ];

    public static PoyoWaitOptions Fixed(TimeSpan interval) => new()
    {
        InitialDelay = interval,
        PollInterval = interval,
        BackoffFactor = 1,
        MaxPollInterval = interval,
        JitterRatio = 0,
    };

    public static async Task<PolicyCost> RunAsync(string policyName, PoyoWaitOptions policy, TimeSpan taskLength, int samples)
    {
        var random = new Random(8_000 + (int)taskLength.TotalSeconds);
        var requests = new List<double>(samples);
        var delays = new List<double>(samples);
        var shares = new List<double>(samples);
        for (var i = 0; i < samples; i++)
        {
            var length = taskLength * (0.85 + (0.3 * random.NextDouble()));
            var (count, delay) = await OneTaskAsync(policy, length).ConfigureAwait(false);
            requests.Add(count);
            delays.Add(delay.TotalSeconds);
            shares.Add(delay / length);
        }

        return new PolicyCost(policyName, taskLength, requests, delays, shares);
    }

    private static async Task<(int Requests, TimeSpan Delay)> OneTaskAsync(PoyoWaitOptions policy, TimeSpan length)
    {
        var clock = new SteppingClock();
        var finishesAt = clock.GetUtcNow() + length;
        var handler = new SimulatedTaskHandler(clock, finishesAt);
        using var http = new HttpClient(handler);
        using var client = new PoyoClient(http, OurOptions.For(new Uri("https://poyo.simulated/"), policy, clock));
        var operation = new PoyoTaskOperation("sim", client);
        var task = await clock.DriveAsync(operation.WaitForCompletionAsync()).ConfigureAwait(false);
        if (task.Status != PoyoTaskStatus.Finished)
        {
            throw new InvalidOperationException($"The simulated task ended {task.Status}.");
        }

        return (handler.Requests, clock.GetUtcNow() - finishesAt);
    }
}
