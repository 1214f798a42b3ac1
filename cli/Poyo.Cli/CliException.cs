namespace Poyo.Cli;

/// <summary>A failure the CLI itself detected (bad input, a feature not available), with its exit code and one-line message.</summary>
internal sealed class CliException : Exception
{
    public CliException(int exitCode, string message)
        : base(message)
    {
        ExitCode = exitCode;
    }

    /// <summary>The process exit code to end with (see <see cref="ExitCodes"/>).</summary>
    public int ExitCode { get; }

    /// <summary>Bad input: exit code 2, nothing sent.</summary>
    public static CliException InvalidInput(string message) => new(ExitCodes.InvalidInput, message);
}
