namespace Poyo.OpenApi;

/// <summary>The verdict of one <see cref="PreflightCheck"/>.</summary>
public enum PreflightOutcome
{
    /// <summary>Every check on this URL passed: reachable, plausible type, within the size and duration limits.</summary>
    Passed,

    /// <summary>A check failed: PoYo would most likely reject this input. <see cref="PreflightCheck.Message"/> says why.</summary>
    Failed,

    /// <summary>
    /// Nothing failed, but something could not be checked (the server ignores HTTP ranges, hides the size, timed out,
    /// or the duration is not in the file where it should be). Submitting may still work.
    /// </summary>
    CouldNotCheck,
}
