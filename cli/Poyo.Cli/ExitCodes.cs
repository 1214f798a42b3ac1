namespace Poyo.Cli;

/// <summary>The process exit codes, one meaning each, so scripts can branch without reading messages.</summary>
internal static class ExitCodes
{
    /// <summary>The command did what was asked (for a task: it finished).</summary>
    public const int Success = 0;

    /// <summary>The task ended as failed or cancelled; its <c>error_message</c> was printed.</summary>
    public const int TaskFailed = 1;

    /// <summary>The command line or an input is invalid; nothing was sent to PoYo.</summary>
    public const int InvalidInput = 2;

    /// <summary>No API key, or PoYo refused it (401) or the permission (403).</summary>
    public const int Authentication = 3;

    /// <summary>Not enough credits (402).</summary>
    public const int InsufficientCredits = 4;

    /// <summary>Any other API or network error.</summary>
    public const int ApiError = 5;

    /// <summary>The wait ran out of time; the task goes on and <c>poyo wait ID</c> resumes it.</summary>
    public const int TimedOut = 6;

    /// <summary>Cancelled by Ctrl+C (SIGINT) or SIGTERM; a submitted task goes on.</summary>
    public const int Cancelled = 130;
}
