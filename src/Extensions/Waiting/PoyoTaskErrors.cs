namespace Poyo.OpenApi;

/// <summary>How a wait's end becomes a result or an exception; the terminal states are named in <see cref="PoyoTaskStatus"/>.</summary>
internal static class PoyoTaskErrors
{
    /// <summary>Returns a finished task with files; throws for a failed one or one without files.</summary>
    public static PoyoTask EnsureSucceeded(PoyoTask task)
    {
        if (task.Status.IsFailure)
        {
            throw new PoyoTaskFailedException(task);
        }

        if (task.OutputFiles.Count == 0)
        {
            throw new PoyoException(
                PoyoErrorCategory.UnexpectedResponse,
                $"Task {task.TaskId} finished without any output file; the response does not follow the API contract.",
                200,
                200)
            {
                TaskId = task.TaskId,
            };
        }

        return task;
    }

    /// <summary>The same error with the task id attached, so paid work is never lost.</summary>
    public static PoyoException WithTaskId(PoyoException error, string taskId) =>
        new(error.Category, $"{error.Message} (task {taskId})", error.StatusCode, error.ErrorCode, error.ErrorType, error)
        {
            TaskId = taskId,
            RetryAfter = error.RetryAfter,
            IsOutcomeUnknown = error.IsOutcomeUnknown,
        };
}
