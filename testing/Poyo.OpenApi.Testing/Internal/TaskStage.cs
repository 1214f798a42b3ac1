namespace Poyo.OpenApi.Testing.Internal;

/// <summary>Where a task stands: PoYo's raw status and its progress.</summary>
internal readonly record struct TaskStage(string Status, int Progress)
{
    public const string NotStarted = "not_started";
    public const string Running = "running";
    public const string Finished = "finished";
    public const string Failed = "failed";

    public bool IsFinished => Status == Finished;
}
