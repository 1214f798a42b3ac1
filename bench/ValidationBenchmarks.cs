using BenchmarkDotNet.Attributes;
using Poyo.OpenApi.Benchmarks.Infrastructure;

namespace Poyo.OpenApi.Benchmarks;

/// <summary>The cost of the local validation every submit pays (goal: under 5 µs for a valid request).</summary>
[MemoryDiagnoser]
public class ValidationBenchmarks
{
    private readonly SubmitTaskRequest _minimal = new(new KlingMotionControlInput(
        new Uri("https://storage.poyo.ai/kling-3.0-motion-control/reference-image-new.png"),
        new Uri("https://storage.poyo.ai/kling-3.0-motion-control/reference-video-new.mp4"),
        CharacterOrientation.Image));

    private readonly SubmitTaskRequest _full = new(
        new KlingMotionControlInput(
            new Uri("https://cdn.example/a.PNG?sig=1"),
            new Uri("https://cdn.example/v.mov"),
            CharacterOrientation.Video)
        {
            Prompt = "@Element1 dances in the rain, cinematic lighting",
            Resolution = Resolution.Hd1080,
            KlingElements = [new KlingElement { FrontalImageUrl = new Uri("https://cdn.example/f.webp"), ReferenceImageUrls = [new Uri("https://cdn.example/1.jpg"), new Uri("https://cdn.example/2.jpg")] }],
        },
        new Uri("https://hooks.example.com/poyo"));

    [Benchmark(Baseline = true)]
    public bool ValidateMinimalRequest() => SubmitTaskRequestValidator.Instance.Validate(_minimal).IsValid;

    [Benchmark]
    public bool ValidateFullRequest() => SubmitTaskRequestValidator.Instance.Validate(_full).IsValid;

    /// <summary>What the client runs before every submit; the full validator only runs when this says no.</summary>
    [Benchmark]
    public bool ClientCheckMinimalRequest() => ClientCheck.IsCertainlyValid(_minimal);

    [Benchmark]
    public bool ClientCheckFullRequest() => ClientCheck.IsCertainlyValid(_full);
}
