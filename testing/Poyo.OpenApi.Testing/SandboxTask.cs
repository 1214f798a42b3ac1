namespace Poyo.OpenApi.Testing;

/// <summary>A snapshot of one task a <see cref="PoyoSandbox"/> created, for assertions.</summary>
public sealed class SandboxTask
{
    internal SandboxTask(
        string taskId,
        string status,
        int progress,
        DateTimeOffset createdAt,
        int submitCount,
        int statusPollCount,
        string requestBody,
        string? idempotencyKey,
        string? failureMessage)
    {
        TaskId = taskId;
        Status = status;
        Progress = progress;
        CreatedAt = createdAt;
        SubmitCount = submitCount;
        StatusPollCount = statusPollCount;
        RequestBody = requestBody;
        IdempotencyKey = idempotencyKey;
        FailureMessage = failureMessage;
    }

    /// <summary>The id the submit returned, <c>task-sandbox-…</c>.</summary>
    public string TaskId { get; }

    /// <summary>
    /// The status now: by polls, the one the last answered poll reported (<c>not_started</c> before any); by time, the
    /// one a poll would report at the sandbox clock's present.
    /// </summary>
    public string Status { get; }

    /// <summary>The progress (0 to 100) that goes with <see cref="Status"/>.</summary>
    public int Progress { get; }

    /// <summary>When the submit was accepted, on the sandbox clock (UTC).</summary>
    public DateTimeOffset CreatedAt { get; }

    /// <summary>How many accepted submits returned this task: 1, more when an <c>Idempotency-Key</c> was reused.</summary>
    public int SubmitCount { get; }

    /// <summary>How many status polls of this task were answered with the task (injected failures do not count).</summary>
    public int StatusPollCount { get; }

    /// <summary>The JSON body of the submit that created the task, exactly as received.</summary>
    public string RequestBody { get; }

    /// <summary>The <c>Idempotency-Key</c> header of that submit, if any.</summary>
    public string? IdempotencyKey { get; }

    /// <summary>The <c>error_message</c> the task ends with when it was made to fail; null when it finishes.</summary>
    public string? FailureMessage { get; }

    /// <summary>A one-line summary.</summary>
    public override string ToString() => $"SandboxTask {TaskId} {Status} {Progress}% (polls: {StatusPollCount})";
}
