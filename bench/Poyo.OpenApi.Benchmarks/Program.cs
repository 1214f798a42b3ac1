using BenchmarkDotNet.Running;

// dotnet run -c Release --project bench/Poyo.OpenApi.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
