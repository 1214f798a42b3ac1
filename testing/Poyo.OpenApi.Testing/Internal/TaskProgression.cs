namespace Poyo.OpenApi.Testing.Internal;

/// <summary>Computes a task's stage from its answered polls or its age, as <see cref="PoyoSandboxOptions"/> says.</summary>
internal sealed class TaskProgression
{
    private readonly PoyoSandboxOptions _options;

    public TaskProgression(PoyoSandboxOptions options) => _options = options;

    /// <summary>The stage reported by the poll numbered <paramref name="pollNumber"/> (1 for the first; 0 before any).</summary>
    public TaskStage At(int pollNumber, DateTimeOffset createdAt, bool fails) =>
        _options.Pacing == SandboxPacing.ByTime
            ? ByTime(_options.TimeProvider.GetUtcNow() - createdAt, fails)
            : ByPolls(pollNumber, fails);

    private TaskStage ByPolls(int pollNumber, bool fails)
    {
        var perStage = _options.PollsPerStage;
        if (pollNumber <= perStage)
        {
            return new TaskStage(TaskStage.NotStarted, 0);
        }

        var runningPoll = pollNumber - perStage;
        if (runningPoll <= perStage)
        {
            return new TaskStage(TaskStage.Running, runningPoll * 100 / (perStage + 1));
        }

        return End(fails);
    }

    private TaskStage ByTime(TimeSpan age, bool fails)
    {
        if (age < _options.RunningAfter)
        {
            return new TaskStage(TaskStage.NotStarted, 0);
        }

        if (age < _options.FinishedAfter)
        {
            var share = (age - _options.RunningAfter) / (_options.FinishedAfter - _options.RunningAfter);
            return new TaskStage(TaskStage.Running, Math.Clamp((int)(share * 100), 1, 99));
        }

        return End(fails);
    }

    private static TaskStage End(bool fails) =>
        fails ? new TaskStage(TaskStage.Failed, 0) : new TaskStage(TaskStage.Finished, 100);
}
