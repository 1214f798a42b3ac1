using Poyo.Bench;
using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using Poyo.OpenApi.Benchmarks.Infrastructure;
using Poyo.OpenApi.Benchmarks.RoundTrip;
using Poyo.OpenApi.Benchmarks.Scale;
using Poyo.OpenApi.Benchmarks.Waiting;

namespace Poyo.OpenApi.Benchmarks.Ratios;

/// <summary>
/// <c>--ratios</c>: every figure of issue 8 in a few minutes on 2 shared cores, one line each
/// (<c>ratio NAME: VALUE</c> or <c>NAME: VALUE</c>; indented lines are detail). See docs/performance.md.
/// </summary>
public static class RatioMode
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static async Task<int> RunAsync(string[] args)
    {
        // "1.05", never "1,05": the lines are read by scripts and people alike.
        CultureInfo.DefaultThreadCurrentCulture = Inv;
        CultureInfo.CurrentCulture = Inv;
        var childAt = Array.IndexOf(args, TenThousandWaits.ChildSwitch);
        if (childAt >= 0)
        {
            return await TenThousandWaits.RunAsync(int.Parse(args[childAt + 1], Inv), int.Parse(args[childAt + 2], Inv)).ConfigureAwait(false);
        }

        var profileAt = Array.IndexOf(args, "--profile");
        if (profileAt >= 0)
        {
            await ProfileAsync(args[profileAt + 1]).ConfigureAwait(false);
            return 0;
        }

        var total = Stopwatch.StartNew();
        Line($"  machine: {Environment.ProcessorCount} cores, {CpuModel()}, {RuntimeInformation.FrameworkDescription}, {RuntimeInformation.OSDescription}");
        // --only validation|inmemory|loopback|polling|waits runs one section (for profiling one figure).
        var onlyAt = Array.IndexOf(args, "--only");
        var only = onlyAt >= 0 && onlyAt + 1 < args.Length ? args[onlyAt + 1] : null;
        bool Runs(string section) => only is null || only == section;
        var exit = 0;
        if (Runs("validation"))
        {
            Validation();
        }

        if (Runs("inmemory"))
        {
            await InMemoryStatusAsync().ConfigureAwait(false);
            await InMemorySubmitAsync().ConfigureAwait(false);
        }

        if (Runs("loopback"))
        {
            await LoopbackRoundTripsAsync().ConfigureAwait(false);
        }

        if (Runs("polling"))
        {
            await PollingAsync().ConfigureAwait(false);
        }

        if (Runs("waits"))
        {
            exit = await TenThousandWaits.RunInChildProcessAsync(10_000, requestsPerSecond: 1_000).ConfigureAwait(false);
        }

        Line($"  quick mode took {total.Elapsed.TotalSeconds:0} s");
        return exit;
    }

    private static void Validation()
    {
        var minimal = new SubmitTaskRequest(new KlingMotionControlInput(new Uri(RoundTripVariant.ImageUrl), new Uri(RoundTripVariant.VideoUrl), CharacterOrientation.Image));
        var full = new SubmitTaskRequest(
            new KlingMotionControlInput(new Uri("https://cdn.example/a.PNG?sig=1"), new Uri("https://cdn.example/v.mov"), CharacterOrientation.Video)
            {
                Prompt = "@Element1 dances in the rain, cinematic lighting",
                Resolution = Resolution.Hd1080,
                KlingElements = [new KlingElement { FrontalImageUrl = new Uri("https://cdn.example/f.webp"), ReferenceImageUrls = [new Uri("https://cdn.example/1.jpg"), new Uri("https://cdn.example/2.jpg")] }],
            },
            new Uri("https://hooks.example.com/poyo"));
        var samples = Interleaved.Run(
            [
                ("minimal", () => Require(SubmitTaskRequestValidator.Instance.Validate(minimal).IsValid)),
                ("full", () => Require(SubmitTaskRequestValidator.Instance.Validate(full).IsValid)),
                ("client-minimal", () => Require(ClientCheck.IsCertainlyValid(minimal))),
                ("client-full", () => Require(ClientCheck.IsCertainlyValid(full))),
            ],
            rounds: 15,
            batch: 2_000);
        Line($"  validate minimal {samples[0].MedianNanoseconds / 1000:0.00} us {samples[0].MedianBytes:0} B, with kling element {samples[1].MedianNanoseconds / 1000:0.00} us {samples[1].MedianBytes:0} B");
        Line($"  client's check of a valid request (full validator only when it says no): minimal {samples[2].MedianNanoseconds / 1000:0.00} us {samples[2].MedianBytes:0} B, with kling element {samples[3].MedianNanoseconds / 1000:0.00} us {samples[3].MedianBytes:0} B");
        Line($"  CPU per validation (steadier on a shared machine): validator minimal {samples[0].MedianCpuNanoseconds / 1000:0.00} us, client's check minimal {samples[2].MedianCpuNanoseconds / 1000:0.00} us");
        Line($"validate-valid-request-us: {samples[2].MedianNanoseconds / 1000:0.00}");
        Line($"validator-valid-request-us: {samples[0].MedianNanoseconds / 1000:0.00}");
    }

    private static async Task InMemoryStatusAsync()
    {
        // The whole status call over an in-memory handler: request building + deserializing the docs' finished task.
        var baseUrl = new Uri("https://poyo.in-memory/");
        using var floorHttp = new HttpClient(new CannedHandler(CannedBodies.Finished));
        using var peerHttp = new HttpClient(new CannedHandler(CannedBodies.Finished));
        using var oursHttp = new HttpClient(new CannedHandler(CannedBodies.Finished));
        RoundTripVariant[] variants = [new FloorVariant(baseUrl, floorHttp), new PeerVariant(baseUrl, peerHttp), new OursVariant(baseUrl, oursHttp)];
        foreach (var variant in variants)
        {
            Require(await variant.StatusAsync().ConfigureAwait(false) == "finished");
        }

        var samples = await Interleaved.RunAsync(variants.Select(v => (v.Name, (Func<Task>)(() => v.StatusAsync()))).ToList(), rounds: 15, batch: 1_000).ConfigureAwait(false);
        Detail("status in-memory", samples);
        Line($"  status in-memory CPU: ours/floor {Interleaved.CpuRatio(samples[2], samples[0]):0.00}, peer/floor {Interleaved.CpuRatio(samples[1], samples[0]):0.00}");
        Line($"status-deserialize-us: {samples[2].MedianNanoseconds / 1000:0.00}");
        Line($"ratio status-inmemory-time: {Interleaved.TimeRatio(samples[2], samples[0]):0.00}");
        Line($"ratio status-inmemory-bytes: {Interleaved.BytesRatio(samples[2], samples[0]):0.00}");
    }

    private static async Task InMemorySubmitAsync()
    {
        // The whole submit over an in-memory handler; "ours-unvalidated" shows what the validation costs inside it.
        var baseUrl = new Uri("https://poyo.in-memory/");
        using var floorHttp = new HttpClient(new CannedHandler(CannedBodies.Submitted));
        using var peerHttp = new HttpClient(new CannedHandler(CannedBodies.Submitted));
        using var oursHttp = new HttpClient(new CannedHandler(CannedBodies.Submitted));
        var floor = new FloorVariant(baseUrl, floorHttp);
        var peer = new PeerVariant(baseUrl, peerHttp);
        var ours = new OursVariant(baseUrl, oursHttp, validate: true);
        var unvalidated = new OursVariant(baseUrl, oursHttp, validate: false);
        var samples = await Interleaved.RunAsync(
            new RoundTripVariant[] { floor, peer, ours, unvalidated }.Select((v, i) => (i == 3 ? "ours-unvalidated" : v.Name, (Func<Task>)(() => v.SubmitAsync()))).ToList(),
            rounds: 15,
            batch: 1_000).ConfigureAwait(false);
        Detail("submit in-memory", samples);
        Line($"  submit in-memory CPU: ours/floor {Interleaved.CpuRatio(samples[2], samples[0]):0.00}, ours-unvalidated/floor {Interleaved.CpuRatio(samples[3], samples[0]):0.00}, peer/floor {Interleaved.CpuRatio(samples[1], samples[0]):0.00}");
        Line($"ratio submit-inmemory-time: {Interleaved.TimeRatio(samples[2], samples[0]):0.00}");
        Line($"ratio submit-inmemory-bytes: {Interleaved.BytesRatio(samples[2], samples[0]):0.00}");
    }

    private static async Task LoopbackRoundTripsAsync()
    {
        using var server = BenchServer.Start();
        var variants = RoundTripVariant.All(server.Url);
        try
        {
            foreach (var variant in variants)
            {
                Require(await variant.SubmitAsync().ConfigureAwait(false) == RoundTripVariant.TaskId);
                Require(await variant.StatusAsync().ConfigureAwait(false) == "finished");
            }

            var submit = await Interleaved.RunAsync(variants.Select(v => (v.Name, (Func<Task>)(() => v.SubmitAsync()))).ToList(), rounds: 41, batch: 100, warmupRounds: 3).ConfigureAwait(false);
            var status = await Interleaved.RunAsync(variants.Select(v => (v.Name, (Func<Task>)(() => v.StatusAsync()))).ToList(), rounds: 41, batch: 100, warmupRounds: 3).ConfigureAwait(false);
            Detail("submit loopback", submit);
            Detail("status loopback", status);
            Line($"ratio submit-roundtrip-time: {Interleaved.TimeRatio(submit[2], submit[0]):0.00}");
            Line($"ratio submit-roundtrip-bytes: {Interleaved.BytesRatio(submit[2], submit[0]):0.00}");
            Line($"ratio status-roundtrip-time: {Interleaved.TimeRatio(status[2], status[0]):0.00}");
            Line($"ratio status-roundtrip-bytes: {Interleaved.BytesRatio(status[2], status[0]):0.00}");
            Line($"  client CPU per call (process CPU time, steadier than wall time on a shared machine): ours/floor submit {Interleaved.CpuRatio(submit[2], submit[0]):0.00} status {Interleaved.CpuRatio(status[2], status[0]):0.00}; peer/floor submit {Interleaved.CpuRatio(submit[1], submit[0]):0.00} status {Interleaved.CpuRatio(status[1], status[0]):0.00}");
            Line($"  peer (plain NSwag) vs floor: submit time {Interleaved.TimeRatio(submit[1], submit[0]):0.00} bytes {Interleaved.BytesRatio(submit[1], submit[0]):0.00}, status time {Interleaved.TimeRatio(status[1], status[0]):0.00} bytes {Interleaved.BytesRatio(status[1], status[0]):0.00}");
        }
        finally
        {
            foreach (var variant in variants)
            {
                variant.Dispose();
            }
        }
    }

    private static async Task PollingAsync()
    {
        double defaultTotal = 0, fixedTotal = 0;
        foreach (var length in PollingSimulation.TaskLengths)
        {
            var costs = new List<PolicyCost>();
            foreach (var (name, policy) in PollingSimulation.Policies)
            {
                costs.Add(await PollingSimulation.RunAsync(name, policy, length, samples: 100).ConfigureAwait(false));
            }

            var label = Label(length);
            foreach (var cost in costs)
            {
                Line($"  polling {label} {cost.Policy}: requests median {cost.MedianRequests:0.#} p95 {cost.P95Requests:0}, noticed after median {cost.MedianDelay:0.0} s p95 {cost.P95Delay:0.0} s ({cost.MedianShare:P0} / {cost.P95Share:P0} of the task's age)");
            }

            defaultTotal += costs[0].MedianRequests;
            fixedTotal += costs[1].MedianRequests;
            Line($"ratio polling-requests-vs-fixed-2s[{label}]: {costs[0].MedianRequests / costs[1].MedianRequests:0.00}");
            Line($"polling-delay-median-share-of-age[{label}]: {costs[0].MedianShare:0.00}");
            Line($"polling-delay-p95-share-of-age[{label}]: {costs[0].P95Share:0.00}");
        }

        Line($"ratio polling-requests-vs-fixed-2s: {defaultTotal / fixedTotal:0.00}");
    }

    /// <summary>Top allocated types of one operation run 20,000 times in memory (validation, submit or status).</summary>
    private static async Task ProfileAsync(string what)
    {
        var baseUrl = new Uri("https://poyo.in-memory/");
        using var http = new HttpClient(new CannedHandler(what == "status" ? CannedBodies.Finished : CannedBodies.Submitted));
        using var ours = new OursVariant(baseUrl, http);
        var request = new SubmitTaskRequest(new KlingMotionControlInput(new Uri(RoundTripVariant.ImageUrl), new Uri(RoundTripVariant.VideoUrl), CharacterOrientation.Image));
        Func<Task> op = what switch
        {
            "validation" => () => Task.FromResult(SubmitTaskRequestValidator.Instance.Validate(request).IsValid),
            "status" => () => ours.StatusAsync(),
            _ => () => ours.SubmitAsync(),
        };
        for (var i = 0; i < 2_000; i++)
        {
            await op().ConfigureAwait(false);
        }

        using var profiler = new AllocationProfiler();
        var before = GC.GetTotalAllocatedBytes(precise: true);
        profiler.Start();
        const int count = 20_000;
        for (var i = 0; i < count; i++)
        {
            await op().ConfigureAwait(false);
        }

        var top = profiler.Stop(25);
        var perOp = (GC.GetTotalAllocatedBytes(precise: true) - before) / (double)count;
        Line($"  {what}: {perOp:0} B per op; sampled allocation by type (bytes per op):");
        foreach (var (type, bytes) in top)
        {
            Line($"    {bytes / (double)count,8:0}  {type}");
        }
    }

    private static string Label(TimeSpan length) => length.TotalMinutes >= 1 ? $"{length.TotalMinutes:0}min" : $"{length.TotalSeconds:0}s";

    private static void Detail(string what, VariantSamples[] samples) =>
        Line($"  {what}: " + string.Join(", ", samples.Select(s => string.Create(Inv, $"{s.Name} {s.MedianNanoseconds / 1000:0.0} us {s.MedianBytes:0} B"))));

    private static void Line(string text) => Console.WriteLine(text);

    private static void Require(bool condition)
    {
        if (!condition)
        {
            throw new InvalidOperationException("A benchmark call returned the wrong answer.");
        }
    }

    private static string CpuModel()
    {
        try
        {
            return File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown CPU";
        }
        catch (IOException)
        {
            return "unknown CPU";
        }
    }
}
