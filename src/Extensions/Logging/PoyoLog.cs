using Microsoft.Extensions.Logging;

namespace Poyo.OpenApi;

/// <summary>
/// The client's log messages (source-generated). They carry the operation, task id, status, category and timings,
/// never headers or bodies: the API key cannot reach a log through them.
/// </summary>
internal static partial class PoyoLog
{
    /// <summary>The logger category of <see cref="PoyoClient"/>.</summary>
    public const string Category = "Poyo.OpenApi.PoyoClient";

    [LoggerMessage(EventId = 1, Level = LogLevel.Debug, Message = "Sending {Kind} request to {Operation}")]
    public static partial void Sending(ILogger logger, PoyoRequestKind kind, string operation);

    [LoggerMessage(EventId = 2, Level = LogLevel.Debug, Message = "PoYo answered HTTP {StatusCode} to {Operation} (task {TaskId}) in {ElapsedMs:0} ms")]
    public static partial void Answered(ILogger logger, int statusCode, string operation, string? taskId, double elapsedMs);

    [LoggerMessage(EventId = 3, Level = LogLevel.Warning, Message = "Retrying {Kind} request (attempt {Attempt}) in {DelayMs:0} ms after {Category} (HTTP {StatusCode})")]
    public static partial void Retrying(ILogger logger, PoyoRequestKind kind, int attempt, double delayMs, PoyoErrorCategory category, int? statusCode);

    [LoggerMessage(EventId = 4, Level = LogLevel.Warning, Message = "Could not {Operation}: {Category} (HTTP {StatusCode}, outcome unknown: {OutcomeUnknown}) after {ElapsedMs:0} ms")]
    public static partial void Failed(ILogger logger, Exception exception, string operation, PoyoErrorCategory category, int? statusCode, bool outcomeUnknown, double elapsedMs);
}
