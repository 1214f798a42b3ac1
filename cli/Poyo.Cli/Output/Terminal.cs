using Spectre.Console;

namespace Poyo.Cli.Output;

/// <summary>
/// The two output streams and what they are connected to. Results go to stdout; progress and messages to stderr,
/// as a live Spectre.Console display when stderr is a terminal, else as plain lines without any escape codes.
/// </summary>
internal sealed class Terminal
{
    public Terminal(TextWriter output, TextWriter error, bool isOutputRedirected, bool isErrorRedirected)
    {
        Out = output;
        Error = error;
        IsOutputRedirected = isOutputRedirected;
        IsErrorRedirected = isErrorRedirected;
    }

    /// <summary>Results: the task id, the final status, file URLs, or the JSON object.</summary>
    public TextWriter Out { get; }

    /// <summary>Progress, notices and the one-line error.</summary>
    public TextWriter Error { get; }

    /// <summary>Whether stdout is a file or a pipe (JSON is then written on one line).</summary>
    public bool IsOutputRedirected { get; }

    /// <summary>Whether stderr is a file or a pipe (progress is then written as plain lines).</summary>
    public bool IsErrorRedirected { get; }

    /// <summary>Whether progress is shown as a live display (stderr is a terminal).</summary>
    public bool ShowsLiveProgress => !IsErrorRedirected;

    public static Terminal FromConsole() =>
        new(Console.Out, Console.Error, Console.IsOutputRedirected, Console.IsErrorRedirected);

    /// <summary>
    /// A Spectre.Console console on stderr. When stderr is redirected it is told outright that there is no ANSI, no
    /// colour and no interaction, so nothing it writes can carry an escape code (TERM alone would make it emit them).
    /// </summary>
    public IAnsiConsole CreateErrorConsole() => AnsiConsole.Create(new AnsiConsoleSettings
    {
        Out = new AnsiConsoleOutput(Error),
        Ansi = ShowsLiveProgress ? AnsiSupport.Detect : AnsiSupport.No,
        ColorSystem = ShowsLiveProgress ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
        Interactive = ShowsLiveProgress ? InteractionSupport.Detect : InteractionSupport.No,
    });
}
