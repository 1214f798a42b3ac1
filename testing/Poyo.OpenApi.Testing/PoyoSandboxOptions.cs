namespace Poyo.OpenApi.Testing;

/// <summary>
/// Settings of a <see cref="PoyoSandbox"/>. The defaults accept <see cref="DefaultApiKey"/> and finish every task on
/// its fifth status poll, with no clock involved.
/// </summary>
public sealed class PoyoSandboxOptions
{
    /// <summary>The API key a sandbox accepts unless told otherwise.</summary>
    public const string DefaultApiKey = "sandbox-key";

    /// <summary>The key accepted in <c>Authorization: Bearer …</c>; any other key gets HTTP 401. Default: <see cref="DefaultApiKey"/>.</summary>
    public string ApiKey { get; set; } = DefaultApiKey;

    /// <summary>How a task moves through its statuses. Default: <see cref="SandboxPacing.ByPolls"/>.</summary>
    public SandboxPacing Pacing { get; set; } = SandboxPacing.ByPolls;

    /// <summary>
    /// With <see cref="SandboxPacing.ByPolls"/>: how many answered status polls a task spends in <c>not_started</c>,
    /// then in <c>running</c> (progress rising in equal steps); the next poll reports the end. Default: 2, so a task
    /// ends on its fifth poll. At least 1.
    /// </summary>
    public int PollsPerStage { get; set; } = 2;

    /// <summary>
    /// The clock for <c>created_time</c> and, with <see cref="SandboxPacing.ByTime"/>, for pacing. Default:
    /// <see cref="TimeProvider.System"/>; tests pass a <c>FakeTimeProvider</c>.
    /// </summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>With <see cref="SandboxPacing.ByTime"/>: time from submit until the task reports <c>running</c>. Default: 5 s.</summary>
    public TimeSpan RunningAfter { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// With <see cref="SandboxPacing.ByTime"/>: time from submit until the task ends (finished or failed); progress
    /// rises linearly in between. Default: 30 s. Must be greater than <see cref="RunningAfter"/>.
    /// </summary>
    public TimeSpan FinishedAfter { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Where output files are said to live: a finished task reports <c>&lt;base&gt;/&lt;task_id&gt;.mp4</c>. Default
    /// (null): the sandbox itself, <c>&lt;Url&gt;/files/</c>, which serves a small placeholder for each finished task.
    /// </summary>
    public Uri? OutputBaseUrl { get; set; }

    /// <summary>The <c>credits_amount</c> a finished task reports (0 before, and for failed tasks). Default: 20.</summary>
    public double CreditsPerTask { get; set; } = 20;

    /// <summary>
    /// The <c>credits_amount</c> that <c>GET /api/user/balance</c> reports before any task finished; each finished task
    /// takes <see cref="CreditsPerTask"/> from it. Default: 1000.
    /// </summary>
    public double InitialCredits { get; set; } = 1000;

    /// <summary>The <c>email</c> that <c>GET /api/user/balance</c> reports. Default: <c>sandbox@example.com</c>.</summary>
    public string AccountEmail { get; set; } = "sandbox@example.com";

    /// <summary>
    /// Whether a submit repeating an earlier <c>Idempotency-Key</c> gets the earlier task back instead of a new one.
    /// PoYo documents no contract for the header; this is what its official client's advice to reuse the key on a
    /// retry assumes. Default: true.
    /// </summary>
    public bool HonourIdempotencyKey { get; set; } = true;

    /// <summary>A copy, so a running sandbox is not changed by later edits of the caller's object.</summary>
    internal PoyoSandboxOptions Validated()
    {
        if (string.IsNullOrWhiteSpace(ApiKey))
        {
            throw new ArgumentException("The sandbox API key must not be empty.", nameof(ApiKey));
        }

        if (PollsPerStage < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(PollsPerStage), PollsPerStage, "At least one poll per stage.");
        }

        if (RunningAfter < TimeSpan.Zero || FinishedAfter <= RunningAfter)
        {
            throw new ArgumentException("FinishedAfter must be greater than RunningAfter, and RunningAfter not negative.", nameof(FinishedAfter));
        }

        if (OutputBaseUrl is { IsAbsoluteUri: false })
        {
            throw new ArgumentException("OutputBaseUrl must be absolute.", nameof(OutputBaseUrl));
        }

        if (!Enum.IsDefined(Pacing))
        {
            throw new ArgumentOutOfRangeException(nameof(Pacing), Pacing, "Unknown pacing.");
        }

        return new PoyoSandboxOptions
        {
            ApiKey = ApiKey,
            Pacing = Pacing,
            PollsPerStage = PollsPerStage,
            TimeProvider = TimeProvider ?? TimeProvider.System,
            RunningAfter = RunningAfter,
            FinishedAfter = FinishedAfter,
            OutputBaseUrl = OutputBaseUrl,
            CreditsPerTask = CreditsPerTask,
            InitialCredits = InitialCredits,
            AccountEmail = AccountEmail,
            HonourIdempotencyKey = HonourIdempotencyKey,
        };
    }
}
