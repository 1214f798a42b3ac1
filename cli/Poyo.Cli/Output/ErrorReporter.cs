using Poyo.OpenApi;

namespace Poyo.Cli.Output;

/// <summary>
/// Turns any failure into its exit code and one line on stderr (<c>error: …</c>): no stack trace, the API key
/// replaced by <c>[redacted]</c> wherever it might appear, and the task id with a resume hint when a task exists.
/// </summary>
internal sealed class ErrorReporter
{
    private readonly Terminal _terminal;
    private readonly TaskOutput _output;
    private readonly string? _apiKey;

    public ErrorReporter(Terminal terminal, TaskOutput output, string? apiKey)
    {
        _terminal = terminal;
        _output = output;
        _apiKey = apiKey;
    }

    /// <summary>Prints the failure and returns the exit code.</summary>
    /// <param name="error">What went wrong.</param>
    /// <param name="taskId">The task submitted or waited for, if any.</param>
    /// <param name="cancellationToken">The Ctrl+C token: a cancellation it caused means exit code 130.</param>
    /// <param name="submitInFlight">Whether a submit had been sent without an answer yet (its task may exist).</param>
    public int Report(Exception error, string? taskId, CancellationToken cancellationToken, bool submitInFlight = false)
    {
        var (exitCode, message) = Describe(error, taskId, cancellationToken, submitInFlight);
        if (_output.IsJson)
        {
            WriteJsonFor(error);
        }

        _terminal.Error.WriteLine("error: " + OneLine(Redact(message)));
        return exitCode;
    }

    /// <summary>The exit code and message of a failure (see <see cref="ExitCodes"/>).</summary>
    internal static (int ExitCode, string Message) Describe(Exception error, string? taskId, CancellationToken cancellationToken, bool submitInFlight = false)
    {
        taskId = (error as PoyoException)?.TaskId ?? taskId;
        var resume = taskId is null ? string.Empty : $" Task {taskId} keeps running; resume with: poyo wait {taskId}";
        return error switch
        {
            OperationCanceledException when cancellationToken.IsCancellationRequested =>
                (ExitCodes.Cancelled, taskId is not null ? "Cancelled." + resume
                    : submitInFlight ? "Cancelled while submitting: PoYo may have created (and will charge) the task; check your tasks before submitting again."
                    : "Cancelled."),
            CliException cli => (cli.ExitCode, cli.Message),
            PoyoValidationException invalid =>
                (ExitCodes.InvalidInput, "Invalid input, nothing was sent: " + string.Join("; ", invalid.Failures)),
            PoyoTaskFailedException failed =>
                (ExitCodes.TaskFailed, $"Task {failed.TaskId} {failed.Task.Status}: {failed.ErrorMessage ?? "PoYo gave no reason"}"),
            PoyoWaitTimeoutException timeout =>
                (ExitCodes.TimedOut, $"Timed out waiting: task {timeout.TaskId} is still {(timeout.LastTask is null ? "unknown" : timeout.LastTask.Status.ToString())}.{resume}"),
            PoyoException api => (ExitCodeOf(api), WithTaskId(api.Message, taskId)),
            HttpRequestException http => (ExitCodes.ApiError, $"Network error: {http.Message}"),
            IOException io => (ExitCodes.ApiError, $"I/O error: {io.Message}"),
            UnauthorizedAccessException denied => (ExitCodes.ApiError, $"I/O error: {denied.Message}"),
            _ => (ExitCodes.ApiError, $"Unexpected error ({error.GetType().Name}): {error.Message}"),
        };
    }

    /// <summary>The exit code of a library failure, by its category.</summary>
    internal static int ExitCodeOf(PoyoException error) => error.Category switch
    {
        PoyoErrorCategory.Authentication or PoyoErrorCategory.PermissionDenied => ExitCodes.Authentication,
        PoyoErrorCategory.InsufficientCredits => ExitCodes.InsufficientCredits,
        PoyoErrorCategory.TaskFailed => ExitCodes.TaskFailed,

        // A local refusal (no HTTP status) sent nothing; PoYo's own 400 is an API error like any other.
        PoyoErrorCategory.InvalidRequest when error.StatusCode is null => ExitCodes.InvalidInput,
        _ => ExitCodes.ApiError,
    };

    private void WriteJsonFor(Exception error)
    {
        switch (error)
        {
            case PoyoTaskFailedException failed:
                _output.WriteJson(failed.Task);
                break;
            case PoyoWaitTimeoutException { LastTask: { } last }:
                _output.WriteJson(last);
                break;
            case PoyoWaitTimeoutException { TaskId: { } id }:
                _output.WriteJson(id);
                break;
        }
    }

    private static string WithTaskId(string message, string? taskId) =>
        taskId is null || message.Contains(taskId, StringComparison.Ordinal) ? message : $"{message} (task {taskId})";

    private string Redact(string message) =>
        string.IsNullOrEmpty(_apiKey) ? message : message.Replace(_apiKey, "[redacted]", StringComparison.Ordinal);

    private static string OneLine(string text) =>
        string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
