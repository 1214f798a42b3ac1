namespace Poyo.OpenApi;

/// <summary>
/// Waiting took longer than <see cref="PoyoWaitOptions.Timeout"/>. The task goes on at PoYo: resume it with
/// <c>new PoyoTaskOperation(TaskId, client)</c>.
/// </summary>
public sealed class PoyoWaitTimeoutException : PoyoException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="taskId">The task still running.</param>
    /// <param name="lastTask">The last status seen, if any request succeeded.</param>
    /// <param name="waited">How long the wait lasted.</param>
    public PoyoWaitTimeoutException(string taskId, PoyoTask? lastTask, TimeSpan waited)
        : base(
            PoyoErrorCategory.Timeout,
            $"Task {taskId} was still {(lastTask is null ? "unknown" : lastTask.Status.ToString())} after waiting {waited}. It keeps running: resume with new PoyoTaskOperation(\"{taskId}\", client).")
    {
        TaskId = taskId;
        LastTask = lastTask;
    }

    /// <summary>The last status seen; null if no status request succeeded.</summary>
    public PoyoTask? LastTask { get; }
}
