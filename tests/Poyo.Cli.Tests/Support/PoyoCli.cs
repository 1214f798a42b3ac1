using System.Diagnostics;
using System.Reflection;
using System.Text;

namespace Poyo.Cli.Tests.Support;

/// <summary>
/// Runs the built CLI (<c>dotnet poyo.dll …</c>) as a separate process with stdout and stderr redirected and a clean
/// environment: no inherited POYO_* variables, and TERM set to a colour terminal so that any escape code the CLI
/// failed to suppress for a redirected stream would show up.
/// </summary>
internal sealed class PoyoCli : IDisposable
{
    public static readonly string DllPath = typeof(PoyoCli).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(attribute => attribute.Key == "PoyoCliDll").Value!;

    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(30);

    private readonly Process _process;
    private readonly StringBuilder _stdout = new();
    private readonly StringBuilder _stderr = new();
    private readonly object _gate = new();
    private readonly List<(Func<string, bool> Match, TaskCompletionSource<string> Seen)> _waiters = [];

    private PoyoCli(Process process)
    {
        _process = process;
    }

    /// <summary>Runs to the end and returns the result (fails the test after a 30 s guard instead of hanging).</summary>
    public static async Task<CliResult> RunAsync(IReadOnlyDictionary<string, string?> environment, params string[] args)
    {
        using var cli = Start(environment, args);
        return await cli.WaitForExitAsync();
    }

    /// <summary>Starts the CLI and returns at once.</summary>
    public static PoyoCli Start(IReadOnlyDictionary<string, string?> environment, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            // The test's output folder, so relative paths in arguments are predictable.
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        start.ArgumentList.Add(DllPath);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment.Remove("POYO_API_KEY");
        start.Environment.Remove("POYO_BASE_URL");
        start.Environment.Remove("NO_COLOR");
        start.Environment["TERM"] = "xterm-256color";
        start.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var process = new Process { StartInfo = start };
        var cli = new PoyoCli(process);
        process.OutputDataReceived += (_, line) => cli.Append(cli._stdout, line.Data);
        process.ErrorDataReceived += (_, line) => cli.Append(cli._stderr, line.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return cli;
    }

    public int ProcessId => _process.Id;

    /// <summary>Completes with the first stdout or stderr line matching <paramref name="match"/>.</summary>
    public Task<string> WaitForLineAsync(Func<string, bool> match)
    {
        var seen = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            var existing = (_stdout + "\n" + _stderr).Split('\n').FirstOrDefault(match);
            if (existing is not null)
            {
                seen.SetResult(existing);
            }
            else
            {
                _waiters.Add((match, seen));
            }
        }

        return seen.Task.WaitAsync(Guard);
    }

    /// <summary>Sends SIGINT, as Ctrl+C in a terminal does.</summary>
    public async Task InterruptAsync()
    {
        using var kill = Process.Start("kill", ["-INT", ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        await kill.WaitForExitAsync();
    }

    public async Task<CliResult> WaitForExitAsync()
    {
        try
        {
            await _process.WaitForExitAsync().WaitAsync(Guard);
        }
        catch (TimeoutException)
        {
            _process.Kill(entireProcessTree: true);
            throw;
        }

        _process.WaitForExit(); // drains the redirected streams
        lock (_gate)
        {
            return new CliResult(_process.ExitCode, _stdout.ToString(), _stderr.ToString());
        }
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
    }

    private void Append(StringBuilder target, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_gate)
        {
            target.Append(line).Append('\n');
            foreach (var waiter in _waiters.Where(waiter => waiter.Match(line)).ToList())
            {
                waiter.Seen.TrySetResult(line);
                _waiters.Remove(waiter);
            }
        }
    }
}
