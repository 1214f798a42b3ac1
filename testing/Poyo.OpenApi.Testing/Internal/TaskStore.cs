using System.Collections.Concurrent;
using System.Globalization;

namespace Poyo.OpenApi.Testing.Internal;

/// <summary>The sandbox's tasks: creation (with idempotency keys and scheduled failures) and lookup. Thread-safe.</summary>
internal sealed class TaskStore
{
    private readonly ConcurrentDictionary<string, TaskRecord> _byId = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TaskRecord> _byIdempotencyKey = new(StringComparer.Ordinal);
    private readonly Queue<string> _scheduledFailures = new();
    private readonly Lock _createLock = new();
    private readonly PoyoSandboxOptions _options;
    private readonly string _idSalt = Guid.NewGuid().ToString("N")[..8];
    private long _sequence;

    public TaskStore(PoyoSandboxOptions options) => _options = options;

    /// <summary>Makes the next created task (after those already scheduled) end as failed with this message.</summary>
    public void ScheduleFailure(string errorMessage)
    {
        lock (_createLock)
        {
            _scheduledFailures.Enqueue(errorMessage);
        }
    }

    public void ClearScheduledFailures()
    {
        lock (_createLock)
        {
            _scheduledFailures.Clear();
        }
    }

    /// <summary>Creates a task, or returns the one an earlier submit with the same idempotency key created.</summary>
    public TaskRecord Create(string requestBody, string? idempotencyKey)
    {
        lock (_createLock)
        {
            var useKey = _options.HonourIdempotencyKey && !string.IsNullOrEmpty(idempotencyKey);
            if (useKey && _byIdempotencyKey.TryGetValue(idempotencyKey!, out var existing))
            {
                existing.CountResubmit();
                return existing;
            }

            var sequence = ++_sequence;
            var taskId = string.Create(CultureInfo.InvariantCulture, $"task-sandbox-{_idSalt}-{sequence:D6}");
            var failure = _scheduledFailures.Count > 0 ? _scheduledFailures.Dequeue() : null;
            var record = new TaskRecord(sequence, taskId, _options.TimeProvider.GetUtcNow(), requestBody, idempotencyKey, failure);
            _byId[taskId] = record;
            if (useKey)
            {
                _byIdempotencyKey[idempotencyKey!] = record;
            }

            return record;
        }
    }

    public TaskRecord? Find(string taskId) => _byId.TryGetValue(taskId, out var record) ? record : null;

    /// <summary>All tasks, oldest first.</summary>
    public IReadOnlyList<TaskRecord> All() => [.. _byId.Values.OrderBy(record => record.Sequence)];
}
