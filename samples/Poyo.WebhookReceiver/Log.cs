using Poyo.OpenApi;

namespace Poyo.WebhookReceiver;

/// <summary>The sample's log lines. None of them takes the secret, a signature or a body.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "PoYo callback verified: task {TaskId}, status {Status} (from the unsigned body; reconciling)")]
    public static partial void Accepted(ILogger logger, string taskId, string status);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "PoYo callback rejected: {Failure}")]
    public static partial void Rejected(ILogger logger, PoyoWebhookFailure failure);

    [LoggerMessage(EventId = 3, Level = LogLevel.Warning, Message = "Reconcile queue full; task {TaskId} not queued (poll its status later)")]
    public static partial void QueueFull(ILogger logger, string taskId);

    [LoggerMessage(EventId = 4, Level = LogLevel.Information, Message = "Reconciled task {TaskId}: status {Status}, {FileCount} file(s)")]
    public static partial void Reconciled(ILogger logger, string taskId, string status, int fileCount);

    [LoggerMessage(EventId = 5, Level = LogLevel.Warning, Message = "Could not reconcile task {TaskId}: {Category}: {Reason}")]
    public static partial void ReconcileFailed(ILogger logger, string taskId, PoyoErrorCategory category, string reason);

    [LoggerMessage(EventId = 6, Level = LogLevel.Information, Message = "POYO_API_KEY not set; skipping GET status for task {TaskId}")]
    public static partial void ReconcileSkipped(ILogger logger, string taskId);
}
