namespace Poyo.Cli.Tests.Support;

/// <summary>How a run of the CLI ended: its exit code and everything it wrote.</summary>
internal sealed record CliResult(int ExitCode, string Stdout, string Stderr)
{
    public string[] StdoutLines => Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>The value of the first <c>Label  value</c> line on stdout with this label.</summary>
    public string? Field(string label) =>
        StdoutLines.Select(line => line.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries))
            .Where(parts => parts.Length == 2 && parts[0] == label)
            .Select(parts => parts[1].Trim())
            .FirstOrDefault();

    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Stdout}--- stderr\n{Stderr}";
}
