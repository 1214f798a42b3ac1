using System.Diagnostics;
using System.Reflection;

namespace Poyo.OpenApi.Benchmarks.Infrastructure;

/// <summary>
/// The canned-body Kestrel server (bench/Server) as a child process on 127.0.0.1: started, its URL read from its
/// first line of output, stopped by closing its stdin (killed if it does not go).
/// </summary>
public sealed class BenchServer : IDisposable
{
    private readonly Process _process;

    private BenchServer(Process process, Uri url)
    {
        _process = process;
        Url = url;
    }

    /// <summary>The server's base URL, e.g. http://127.0.0.1:41234/.</summary>
    public Uri Url { get; }

    public static BenchServer Start(int finishAfterPolls = 3)
    {
        var path = typeof(BenchServer).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .First(attribute => attribute.Key == "BenchServerPath").Value!;
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"The bench server was not built at {path}; build bench/ first.", path);
        }

        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(path);
        start.ArgumentList.Add("--finish-after-polls");
        start.ArgumentList.Add(finishAfterPolls.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the bench server.");
        var line = process.StandardOutput.ReadLine();
        if (line is null || !line.StartsWith("listening: ", StringComparison.Ordinal))
        {
            process.Kill();
            throw new InvalidOperationException($"The bench server said '{line}' instead of its URL.");
        }

        return new BenchServer(process, new Uri(line["listening: ".Length..].TrimEnd('/') + "/"));
    }

    public void Dispose()
    {
        try
        {
            _process.StandardInput.Close();
            if (!_process.WaitForExit(5000))
            {
                _process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }

        _process.Dispose();
    }
}
