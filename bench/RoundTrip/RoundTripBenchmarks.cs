using Poyo.Bench;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Poyo.OpenApi.Benchmarks.Infrastructure;

namespace Poyo.OpenApi.Benchmarks.RoundTrip;

/// <summary>
/// Submit and status over loopback against the canned Kestrel server in its own process: the floor (raw HttpClient,
/// hand-written DTOs, baseline), the peer (plain NSwag client of the same spec) and ours (PoyoClient, validation on).
/// BenchmarkDotNet runs these one after another, so on a shared machine prefer the interleaved <c>--ratios</c> figures.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class RoundTripBenchmarks
{
    private BenchServer _server = null!;
    private FloorVariant _floor = null!;
    private PeerVariant _peer = null!;
    private OursVariant _ours = null!;

    [GlobalSetup]
    public void Setup()
    {
        _server = BenchServer.Start();
        _floor = new FloorVariant(_server.Url);
        _peer = new PeerVariant(_server.Url);
        _ours = new OursVariant(_server.Url);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _floor.Dispose();
        _peer.Dispose();
        _ours.Dispose();
        _server.Dispose();
    }

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("submit")]
    public Task<string?> FloorSubmit() => _floor.SubmitAsync();

    [Benchmark]
    [BenchmarkCategory("submit")]
    public Task<string?> PeerSubmit() => _peer.SubmitAsync();

    [Benchmark]
    [BenchmarkCategory("submit")]
    public Task<string?> OursSubmit() => _ours.SubmitAsync();

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("status")]
    public Task<string?> FloorStatus() => _floor.StatusAsync();

    [Benchmark]
    [BenchmarkCategory("status")]
    public Task<string?> PeerStatus() => _peer.StatusAsync();

    [Benchmark]
    [BenchmarkCategory("status")]
    public Task<string?> OursStatus() => _ours.StatusAsync();
}

/// <summary>A status call over an in-memory handler: request building and deserializing the docs' finished task, no socket.</summary>
[MemoryDiagnoser]
public class StatusDeserializationBenchmarks
{
    private static readonly Uri BaseUrl = new("https://poyo.in-memory/");
    private HttpClient _floorHttp = null!;
    private HttpClient _oursHttp = null!;
    private FloorVariant _floor = null!;
    private OursVariant _ours = null!;

    [GlobalSetup]
    public void Setup()
    {
        _floorHttp = new HttpClient(new CannedHandler(CannedBodies.Finished));
        _oursHttp = new HttpClient(new CannedHandler(CannedBodies.Finished));
        _floor = new FloorVariant(BaseUrl, _floorHttp);
        _ours = new OursVariant(BaseUrl, _oursHttp);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _floorHttp.Dispose();
        _oursHttp.Dispose();
    }

    [Benchmark(Baseline = true)]
    public Task<string?> FloorStatusInMemory() => _floor.StatusAsync();

    [Benchmark]
    public Task<string?> OursStatusInMemory() => _ours.StatusAsync();
}
