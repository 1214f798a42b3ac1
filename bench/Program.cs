using BenchmarkDotNet.Running;
using Poyo.OpenApi.Benchmarks.Ratios;

// dotnet run -c Release --project bench -- --ratios       quick interleaved ratios, one line per figure (< 5 min)
// dotnet run -c Release --project bench -- --filter '*'   the full BenchmarkDotNet run (see docs/performance.md)
if (args.Contains("--ratios") || args.Contains(Poyo.OpenApi.Benchmarks.Scale.TenThousandWaits.ChildSwitch))
{
    return await RatioMode.RunAsync(args);
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
