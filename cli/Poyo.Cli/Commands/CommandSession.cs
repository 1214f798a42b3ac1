using System.CommandLine;
using Poyo.Cli.Connection;
using Poyo.Cli.Output;
using Poyo.Cli.Waiting;

namespace Poyo.Cli.Commands;

/// <summary>
/// One run of a command: its streams, its output format, the connection it opened and the task it is about. Every
/// failure inside <see cref="RunAsync"/> ends as one line on stderr and its exit code.
/// </summary>
internal sealed class CommandSession : IDisposable
{
    private readonly ParseResult _parseResult;
    private ApiConnection? _connection;
    private string? _apiKey;

    private CommandSession(ParseResult parseResult, Terminal terminal, bool json)
    {
        _parseResult = parseResult;
        Terminal = terminal;
        Output = new TaskOutput(terminal, json);
    }

    public Terminal Terminal { get; }

    public TaskOutput Output { get; }

    /// <summary>The task this command submitted or waits for, once known (for the cancel and timeout messages).</summary>
    public string? TaskId { get; set; }

    /// <summary>Whether a submit is on its way and unanswered: a cancellation then says the task may exist.</summary>
    public bool SubmitInFlight { get; set; }

    /// <summary>Runs <paramref name="body"/> and maps whatever it throws to an exit code.</summary>
    public static async Task<int> RunAsync(ParseResult parseResult, bool json, CancellationToken cancellationToken, Func<CommandSession, Task<int>> body)
    {
        using var session = new CommandSession(parseResult, Terminal.FromConsole(), json);
        try
        {
            return await body(session).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // The CLI's contract: every failure is one line and an exit code, never a stack trace.
        catch (Exception error)
#pragma warning restore CA1031
        {
            return new ErrorReporter(session.Terminal, session.Output, session._apiKey).Report(error, session.TaskId, cancellationToken, session.SubmitInFlight);
        }
    }

    /// <summary>Opens the connection from the options and environment (or the embedded sandbox).</summary>
    public ApiConnection Connect(WaitSettings waiting)
    {
        var settings = ConnectionSettings.Read(_parseResult);
        _apiKey = settings.ApiKey;
        _connection = ApiConnection.Open(settings, waiting, Terminal.Error);
        return _connection;
    }

    public void Dispose() => _connection?.Dispose();
}
