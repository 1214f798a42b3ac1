using System.Diagnostics;
using System.Globalization;
using System.Threading.RateLimiting;
using Poyo.OpenApi.Benchmarks.Infrastructure;
using Poyo.OpenApi.Benchmarks.RoundTrip;

namespace Poyo.OpenApi.Benchmarks.Scale;

/// <summary>
/// 10,000 concurrent <see cref="PoyoTaskOperation.WaitForCompletionAsync"/> on one <see cref="PoyoClient"/> against the
/// out-of-process server, whose "life-" tasks finish on their third status request, all requests sharing one token
/// bucket. Runs in its own process (the bench starts itself with --waits-10k) so the peak working set is this run's alone.
/// </summary>
public static class TenThousandWaits
{
    public const string ChildSwitch = "--waits-10k";

    public static async Task<int> RunAsync(int waits, int requestsPerSecond)
    {
        using var server = BenchServer.Start(finishAfterPolls: 3);
        using var limiter = new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
        {
            // Refilled ten times a second, so a burst is at most a tenth of the per-second cap.
            TokenLimit = Math.Max(1, requestsPerSecond / 10),
            TokensPerPeriod = Math.Max(1, requestsPerSecond / 10),
            ReplenishmentPeriod = TimeSpan.FromMilliseconds(100),
            QueueLimit = int.MaxValue,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            AutoReplenishment = true,
        });
        using var handler = new RateLimitingHandler(limiter) { InnerHandler = new SocketsHttpHandler { MaxConnectionsPerServer = 64 } };
        using var http = new HttpClient(handler, disposeHandler: false) { Timeout = TimeSpan.FromMinutes(5) };
        var policy = new PoyoWaitOptions
        {
            InitialDelay = TimeSpan.FromSeconds(1),
            PollInterval = TimeSpan.FromSeconds(1),
            BackoffFactor = 1,
            MaxPollInterval = TimeSpan.FromSeconds(1),
            Timeout = TimeSpan.FromMinutes(5),
        };
        using var client = new PoyoClient(http, OurOptions.For(server.Url, policy));

        using var sampling = new CancellationTokenSource();
        var sampler = SamplePeakWorkingSetAsync(sampling.Token);
        var started = Stopwatch.GetTimestamp();
        var operations = Enumerable.Range(0, waits).Select(i => new PoyoTaskOperation($"life-{i}", client)).ToArray();
        var results = await Task.WhenAll(operations.Select(operation => operation.WaitForCompletionAsync())).ConfigureAwait(false);
        var elapsed = Stopwatch.GetElapsedTime(started);
        await sampling.CancelAsync().ConfigureAwait(false);
        var sampledPeak = await sampler.ConfigureAwait(false);

        var finished = results.Count(task => task.Status == PoyoTaskStatus.Finished);
        using var self = Process.GetCurrentProcess();
        self.Refresh();
        var peakMb = Math.Max(self.PeakWorkingSet64, sampledPeak) / (1024.0 * 1024.0);
        var inv = CultureInfo.InvariantCulture;
        Console.WriteLine(string.Create(inv, $"  waits: {finished}/{waits} finished in {elapsed.TotalSeconds:0.0} s, {handler.Sent} status requests, cap {requestsPerSecond}/s"));
        Console.WriteLine(string.Create(inv, $"waits-10k-completed: {finished}"));
        Console.WriteLine(string.Create(inv, $"waits-10k-peak-mb: {peakMb:0}"));
        Console.WriteLine(string.Create(inv, $"waits-10k-request-rate: {handler.Rate:0} (cap {requestsPerSecond})"));
        return finished == waits ? 0 : 1;
    }

    /// <summary>Starts this same benchmark app again with <see cref="ChildSwitch"/> and relays its output.</summary>
    public static async Task<int> RunInChildProcessAsync(int waits, int requestsPerSecond)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath!) == "dotnet")
        {
            start.ArgumentList.Add(typeof(TenThousandWaits).Assembly.Location);
        }

        start.ArgumentList.Add(ChildSwitch);
        start.ArgumentList.Add(waits.ToString(CultureInfo.InvariantCulture));
        start.ArgumentList.Add(requestsPerSecond.ToString(CultureInfo.InvariantCulture));
        using var child = Process.Start(start)!;
        while (await child.StandardOutput.ReadLineAsync().ConfigureAwait(false) is { } line)
        {
            Console.WriteLine(line);
        }

        await child.WaitForExitAsync().ConfigureAwait(false);
        return child.ExitCode;
    }

    private static async Task<long> SamplePeakWorkingSetAsync(CancellationToken cancellationToken)
    {
        long peak = 0;
        using var self = Process.GetCurrentProcess();
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(100));
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
            {
                self.Refresh();
                peak = Math.Max(peak, self.WorkingSet64);
            }
        }
        catch (OperationCanceledException)
        {
            // Done.
        }

        return peak;
    }
}
