namespace Poyo.OpenApi.Testing;

/// <summary>How a sandbox task moves from <c>not_started</c> through <c>running</c> to its end.</summary>
public enum SandboxPacing
{
    /// <summary>By answered status polls of the task (<see cref="PoyoSandboxOptions.PollsPerStage"/>); no clock needed.</summary>
    ByPolls = 0,

    /// <summary>
    /// By time since submit on <see cref="PoyoSandboxOptions.TimeProvider"/> (<see cref="PoyoSandboxOptions.RunningAfter"/>,
    /// <see cref="PoyoSandboxOptions.FinishedAfter"/>).
    /// </summary>
    ByTime = 1,
}
