using System.Runtime.InteropServices;

namespace Poyo.OpenApi.Benchmarks.Infrastructure;

/// <summary>
/// CPU time used by this process (all threads, user + system) from getrusage, precise to the microsecond on Linux.
/// On a machine shared with other work, a variant's CPU time per operation is steadier than its wall time, which
/// also counts the time spent waiting for a core. Elsewhere it falls back to <see cref="System.Diagnostics.Process"/>.
/// </summary>
public static partial class ProcessCpu
{
    public static TimeSpan Now()
    {
        if (OperatingSystem.IsLinux() && GetRusage(0, out var usage) == 0)
        {
            var micros = (usage.UserSeconds * 1_000_000) + usage.UserMicroseconds + (usage.SystemSeconds * 1_000_000) + usage.SystemMicroseconds;
            return TimeSpan.FromMicroseconds(micros);
        }

        using var process = System.Diagnostics.Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }

    [LibraryImport("libc", EntryPoint = "getrusage")]
    private static partial int GetRusage(int who, out RUsage usage);

    [StructLayout(LayoutKind.Sequential)]
    private struct RUsage
    {
        public long UserSeconds;
        public long UserMicroseconds;
        public long SystemSeconds;
        public long SystemMicroseconds;
        public long MaxResidentKilobytes;
        public long Unused1;
        public long Unused2;
        public long Unused3;
        public long Unused4;
        public long Unused5;
        public long Unused6;
        public long Unused7;
        public long Unused8;
        public long Unused9;
        public long Unused10;
        public long Unused11;
        public long Unused12;
        public long Unused13;
    }
}
