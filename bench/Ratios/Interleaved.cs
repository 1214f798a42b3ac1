using System.Diagnostics;
using Poyo.OpenApi.Benchmarks.Infrastructure;

namespace Poyo.OpenApi.Benchmarks.Ratios;

/// <summary>Per-round samples of one variant: time and allocated bytes per operation.</summary>
public sealed class VariantSamples(string name)
{
    public string Name { get; } = name;

    public List<double> NanosecondsPerOp { get; } = [];

    public List<double> BytesPerOp { get; } = [];

    /// <summary>CPU time of the whole process per operation (the server is another process, so not counted).</summary>
    public List<double> CpuNanosecondsPerOp { get; } = [];

    public double MedianCpuNanoseconds => Stats.Median(CpuNanosecondsPerOp);

    public double MedianNanoseconds => Stats.Median(NanosecondsPerOp);

    public double MedianBytes => Stats.Median(BytesPerOp);
}

/// <summary>
/// A small harness for noisy shared machines: variants run in interleaved batches (the order rotates every round),
/// so a burst of load from a neighbour hits all of them alike; figures are medians over rounds, and ratios are the
/// median of the per-round ratios (paired, so slow drift cancels). Bytes are every allocation in the process during
/// the batch (<see cref="GC.GetTotalAllocatedBytes(bool)"/>), so the HTTP stack's background reads count too.
/// </summary>
public static class Interleaved
{
    private static readonly TimeSpan MinimumWarmup = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Warm-up lasts at least <paramref name="warmupRounds"/> rounds and one second: on a loaded machine the JIT's
    /// background tier-1 compiles lag, and a count-only warm-up measured tier-0 code (6 µs validation read as 20 µs).
    /// </summary>
    public static async Task<VariantSamples[]> RunAsync(IReadOnlyList<(string Name, Func<Task> Op)> variants, int rounds, int batch, int warmupRounds = 2)
    {
        var samples = variants.Select(variant => new VariantSamples(variant.Name)).ToArray();
        var warmup = Stopwatch.StartNew();
        for (var round = 0; round < warmupRounds || warmup.Elapsed < MinimumWarmup; round++)
        {
            foreach (var variant in variants)
            {
                for (var i = 0; i < batch; i++)
                {
                    await variant.Op().ConfigureAwait(false);
                }
            }
        }

        for (var round = 0; round < rounds; round++)
        {
            for (var step = 0; step < variants.Count; step++)
            {
                var index = (round + step) % variants.Count;
                var op = variants[index].Op;
                var bytesBefore = GC.GetTotalAllocatedBytes(precise: true);
                var cpuBefore = ProcessCpu.Now();
                var started = Stopwatch.GetTimestamp();
                for (var i = 0; i < batch; i++)
                {
                    await op().ConfigureAwait(false);
                }

                var elapsed = Stopwatch.GetElapsedTime(started);
                var cpu = ProcessCpu.Now() - cpuBefore;
                var bytes = GC.GetTotalAllocatedBytes(precise: true) - bytesBefore;
                samples[index].NanosecondsPerOp.Add(elapsed.TotalNanoseconds / batch);
                samples[index].CpuNanosecondsPerOp.Add(cpu.TotalNanoseconds / batch);
                samples[index].BytesPerOp.Add((double)bytes / batch);
            }
        }

        return samples;
    }

    /// <summary>The same for synchronous micro-operations.</summary>
    public static VariantSamples[] Run(IReadOnlyList<(string Name, Action Op)> variants, int rounds, int batch, int warmupRounds = 2)
    {
        var samples = variants.Select(variant => new VariantSamples(variant.Name)).ToArray();
        var warmup = Stopwatch.StartNew();
        for (var round = 0; round < warmupRounds || warmup.Elapsed < MinimumWarmup; round++)
        {
            foreach (var variant in variants)
            {
                for (var i = 0; i < batch; i++)
                {
                    variant.Op();
                }
            }
        }

        for (var round = 0; round < rounds; round++)
        {
            for (var step = 0; step < variants.Count; step++)
            {
                var index = (round + step) % variants.Count;
                var op = variants[index].Op;
                var bytesBefore = GC.GetAllocatedBytesForCurrentThread();
                var cpuBefore = ProcessCpu.Now();
                var started = Stopwatch.GetTimestamp();
                for (var i = 0; i < batch; i++)
                {
                    op();
                }

                var elapsed = Stopwatch.GetElapsedTime(started);
                var cpu = ProcessCpu.Now() - cpuBefore;
                var bytes = GC.GetAllocatedBytesForCurrentThread() - bytesBefore;
                samples[index].NanosecondsPerOp.Add(elapsed.TotalNanoseconds / batch);
                samples[index].CpuNanosecondsPerOp.Add(cpu.TotalNanoseconds / batch);
                samples[index].BytesPerOp.Add((double)bytes / batch);
            }
        }

        return samples;
    }

    /// <summary>Median over rounds of <paramref name="variant"/>'s time divided by <paramref name="baseline"/>'s in the same round.</summary>
    public static double TimeRatio(VariantSamples variant, VariantSamples baseline) =>
        Stats.Median(variant.NanosecondsPerOp.Zip(baseline.NanosecondsPerOp, static (v, b) => v / b).ToList());

    /// <summary>Median over rounds of the per-round ratio of CPU time per operation.</summary>
    public static double CpuRatio(VariantSamples variant, VariantSamples baseline) =>
        Stats.Median(variant.CpuNanosecondsPerOp.Zip(baseline.CpuNanosecondsPerOp, static (v, b) => v / b).ToList());

    public static double BytesRatio(VariantSamples variant, VariantSamples baseline) => variant.MedianBytes / baseline.MedianBytes;
}

public static class Stats
{
    public static double Median(IReadOnlyList<double> values) => Percentile(values, 0.5);

    /// <summary>Nearest-rank percentile (p in 0..1).</summary>
    public static double Percentile(IReadOnlyList<double> values, double p)
    {
        if (values.Count == 0)
        {
            return double.NaN;
        }

        var sorted = values.Order().ToArray();
        if (p == 0.5 && sorted.Length % 2 == 0)
        {
            return (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
        }

        var rank = (int)Math.Ceiling(p * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }
}
