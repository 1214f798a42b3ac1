namespace Poyo.OpenApi;

/// <summary>A change of a task's status or progress, reported once, in order, while waiting.</summary>
/// <param name="TaskId">The task.</param>
/// <param name="Status">Its status.</param>
/// <param name="Percent">Its progress, 0 to 100, when PoYo reports one.</param>
public readonly record struct PoyoTaskProgress(string TaskId, PoyoTaskStatus Status, int? Percent)
{
    /// <summary><c>task-1 running 40%</c>.</summary>
    public override string ToString() => $"{TaskId} {Status}{(Percent is { } percent ? $" {percent}%" : "")}";
}
