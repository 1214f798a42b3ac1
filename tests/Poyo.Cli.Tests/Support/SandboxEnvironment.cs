using Poyo.OpenApi.Testing;

namespace Poyo.Cli.Tests.Support;

/// <summary>The environment that points the CLI at a sandbox running in the test process.</summary>
internal static class SandboxEnvironment
{
    public static Dictionary<string, string?> For(PoyoSandbox sandbox) => new()
    {
        ["POYO_API_KEY"] = sandbox.ApiKey,
        ["POYO_BASE_URL"] = sandbox.Url.AbsoluteUri,
    };

    /// <summary>A sandbox whose tasks stay <c>running</c> for an hour: for timeouts and Ctrl+C.</summary>
    public static PoyoSandbox StartNeverFinishing() => PoyoSandbox.Start(new PoyoSandboxOptions
    {
        Pacing = SandboxPacing.ByTime,
        RunningAfter = TimeSpan.Zero,
        FinishedAfter = TimeSpan.FromHours(1),
    });

    /// <summary>The arguments of a valid motion-control run that polls fast (sandbox tasks advance per poll).</summary>
    public static string[] MotionControl(params string[] extra) =>
    [
        "motion-control",
        "--image", "https://example.com/me.png",
        "--video", "https://example.com/dance.mp4",
        "--orientation", "image",
        "--poll-interval", "0.05",
        .. extra,
    ];
}
