namespace Poyo.OpenApi;

/// <summary>The task ended as failed or cancelled; <see cref="PoyoException.TaskId"/> and <see cref="Task"/> tell which and why. Failed tasks are not charged.</summary>
public sealed class PoyoTaskFailedException : PoyoException
{
    /// <summary>Creates the exception for a task that ended without output.</summary>
    /// <param name="task">The task as last reported.</param>
    public PoyoTaskFailedException(PoyoTask task)
        : base(
            PoyoErrorCategory.TaskFailed,
            $"Task {task?.TaskId} {task?.Status}: {task?.ErrorMessage ?? "PoYo gave no reason"}")
    {
        ArgumentNullException.ThrowIfNull(task);
        Task = task;
        TaskId = task.TaskId;
    }

    /// <summary>The task as last reported, with <see cref="PoyoTask.ErrorMessage"/>.</summary>
    public PoyoTask Task { get; }

    /// <summary>PoYo's reason (<c>error_message</c>), if it gave one.</summary>
    public string? ErrorMessage => Task.ErrorMessage;
}
