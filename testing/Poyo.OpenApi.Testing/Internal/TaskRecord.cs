namespace Poyo.OpenApi.Testing.Internal;

/// <summary>One task's mutable state; every access goes through its lock.</summary>
internal sealed class TaskRecord
{
    private readonly Lock _lock = new();
    private int _submitCount = 1;
    private int _pollCount;

    public TaskRecord(long sequence, string taskId, DateTimeOffset createdAt, string requestBody, string? idempotencyKey, string? failureMessage)
    {
        Sequence = sequence;
        TaskId = taskId;
        CreatedAt = createdAt;
        RequestBody = requestBody;
        IdempotencyKey = idempotencyKey;
        FailureMessage = failureMessage;
    }

    public long Sequence { get; }

    public string TaskId { get; }

    public DateTimeOffset CreatedAt { get; }

    public string RequestBody { get; }

    public string? IdempotencyKey { get; }

    public string? FailureMessage { get; }

    /// <summary>Counts a repeated submit (same idempotency key) that returned this task.</summary>
    public void CountResubmit()
    {
        lock (_lock)
        {
            _submitCount++;
        }
    }

    /// <summary>Counts an answered poll and returns the stage it reports.</summary>
    public TaskStage Poll(TaskProgression progression)
    {
        lock (_lock)
        {
            _pollCount++;
            return progression.At(_pollCount, CreatedAt, FailureMessage is not null);
        }
    }

    public SandboxTask Snapshot(TaskProgression progression)
    {
        lock (_lock)
        {
            var stage = progression.At(_pollCount, CreatedAt, FailureMessage is not null);
            return new SandboxTask(TaskId, stage.Status, stage.Progress, CreatedAt, _submitCount, _pollCount, RequestBody, IdempotencyKey, FailureMessage);
        }
    }
}
