namespace Poyo.OpenApi;

/// <summary>
/// A generation task running at PoYo: its id, the last status seen, a single refresh, and a wait for the end.
/// Rebuild one from a saved id with <see cref="PoyoTaskOperation(string, PoyoClient)"/> to resume after a restart.
/// Members are virtual and a protected constructor exists, so tests can mock it.
/// </summary>
public partial class PoyoTaskOperation
{
    private readonly PoyoClient _client = null!;
    private readonly TimeProvider _time = TimeProvider.System;
    private readonly object _gate = new();
    private PoyoTask? _lastTask;

    /// <summary>Resumes the task <paramref name="taskId"/> (saved from an earlier submit) through <paramref name="client"/>.</summary>
    /// <param name="taskId">The task id.</param>
    /// <param name="client">The client to read its status with.</param>
    /// <exception cref="ArgumentException"><paramref name="taskId"/> is blank.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="client"/> is null.</exception>
    public PoyoTaskOperation(string taskId, PoyoClient client)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(taskId);
        ArgumentNullException.ThrowIfNull(client);
        Id = taskId;
        _client = client;
        _time = client.Options.TimeProvider;
    }

    internal PoyoTaskOperation(SubmittedTask submitted, PoyoClient client)
        : this(submitted.TaskId!, client)
    {
        _lastTask = new PoyoTask { TaskId = submitted.TaskId, RawStatus = submitted.RawStatus, CreatedTime = submitted.CreatedTime };
    }

    /// <summary>For mocking only.</summary>
    protected PoyoTaskOperation()
    {
        Id = string.Empty;
    }

    /// <summary>The task id: save it to resume later.</summary>
    public virtual string Id { get; }

    /// <summary>The task as last seen; null before the first status request of a rehydrated operation.</summary>
    public virtual PoyoTask? LastTask
    {
        get
        {
            lock (_gate)
            {
                return _lastTask;
            }
        }
    }

    /// <summary>The last status seen (empty before the first request of a rehydrated operation).</summary>
    public virtual PoyoTaskStatus Status => LastTask?.Status ?? default;

    /// <summary>The last progress seen, 0 to 100, when PoYo reported one.</summary>
    public virtual int? Progress => LastTask?.Progress;

    /// <summary>Whether the task has ended (finished, failed or cancelled) as last seen.</summary>
    public virtual bool HasCompleted => Status.IsCompleted;

    /// <summary>Reads the status once and remembers it.</summary>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The task as PoYo reports it now.</returns>
    /// <exception cref="PoyoException">The request failed; <see cref="PoyoException.TaskId"/> is set.</exception>
    public virtual async Task<PoyoTask> UpdateStatusAsync(CancellationToken cancellationToken = default)
    {
        PoyoTask task;
        try
        {
            task = await _client.GetTaskAsync(Id, cancellationToken).ConfigureAwait(false);
        }
        catch (PoyoException error) when (error.TaskId is null)
        {
            throw PoyoTaskErrors.WithTaskId(error, Id);
        }

        lock (_gate)
        {
            _lastTask = task;
        }

        return task;
    }

    /// <summary>
    /// Polls until the task ends, under <paramref name="options"/> (default: <see cref="PoyoClientOptions.Waiting"/>).
    /// Transient failures (network, 5xx, 429) are retried within the wait; a capped <c>Retry-After</c> is honoured.
    /// </summary>
    /// <param name="progress">Gets every change of status or progress once, in order.</param>
    /// <param name="options">The waiting policy; null for the client's.</param>
    /// <param name="cancellationToken">Stops at once; no request is made after it is cancelled.</param>
    /// <returns>The finished task, with at least one output file.</returns>
    /// <exception cref="PoyoTaskFailedException">The task failed or was cancelled.</exception>
    /// <exception cref="PoyoWaitTimeoutException">The wait ran out of time; the task goes on.</exception>
    /// <exception cref="PoyoException">A non-transient error (e.g. 401, 404), a finished task without files, or a Retry-After past the cap; <see cref="PoyoException.TaskId"/> is set.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public virtual async Task<PoyoTask> WaitForCompletionAsync(
        IProgress<PoyoTaskProgress>? progress = null,
        PoyoWaitOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        options ??= _client.Options.Waiting;
        options.Validate();
        var poller = new TaskPoller(this, options, _time, progress);
        var task = await poller.RunAsync(cancellationToken).ConfigureAwait(false);
        return PoyoTaskErrors.EnsureSucceeded(task);
    }

    /// <summary><c>PoyoTaskOperation task-1 running 40%</c>.</summary>
    public override string ToString() => $"PoyoTaskOperation {Id} {Status}{(Progress is { } percent ? $" {percent}%" : "")}";
}
