using NUnit.Framework;
using Poyo.Cli.Tests.Support;
using Poyo.OpenApi.Testing;

namespace Poyo.Cli.Tests;

/// <summary>Each exit code of the contract, from the built CLI run as a process against a sandbox in this process.</summary>
public sealed class ExitCodeTests
{
    [Test]
    public async Task A_finished_task_exits_0_and_prints_the_task_id_and_the_output_url()
    {
        using var sandbox = PoyoSandbox.Start();

        var result = await PoyoCli.RunAsync(SandboxEnvironment.For(sandbox), SandboxEnvironment.MotionControl());

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        var taskId = sandbox.Tasks.Single().TaskId;
        Assert.That(result.Field("Task"), Is.EqualTo(taskId));
        Assert.That(result.Field("Status"), Is.EqualTo("finished"));
        Assert.That(result.Field("File"), Is.EqualTo(sandbox.OutputFileUrl(taskId).AbsoluteUri));
        Assert.That(sandbox.SubmitCount, Is.EqualTo(1));
    }

    [Test]
    public async Task A_failed_task_exits_1_with_its_error_message_on_stderr()
    {
        using var sandbox = PoyoSandbox.Start();
        sandbox.FailNextTask("The prompt violates our content policy");

        var result = await PoyoCli.RunAsync(SandboxEnvironment.For(sandbox), SandboxEnvironment.MotionControl());

        Assert.That(result.ExitCode, Is.EqualTo(1), result.ToString());
        Assert.That(result.Stderr, Does.Contain("The prompt violates our content policy"));
        Assert.That(result.Stderr, Does.Contain(sandbox.Tasks.Single().TaskId));
    }

    [Test]
    public async Task An_avi_video_exits_2_and_nothing_is_sent()
    {
        using var sandbox = PoyoSandbox.Start();

        var result = await PoyoCli.RunAsync(
            SandboxEnvironment.For(sandbox),
            "motion-control", "--image", "https://example.com/me.png", "--video", "https://example.com/dance.avi", "--orientation", "image");

        Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
        Assert.That(result.Stderr, Does.Contain("input.video_urls[0]").And.Contain(".avi"));
        Assert.That(sandbox.SubmitCount, Is.EqualTo(0));
    }

    [TestCase("motion-control", "--image", "https://example.com/me.png", "--video", "https://example.com/dance.mp4", "--orientation", "sideways")]
    [TestCase("motion-control", "--image", "https://example.com/me.png", "--orientation", "image")]
    [TestCase("motion-control", "--image", "https://example.com/me.png", "--video", "https://example.com/dance.mp4", "--orientation", "image", "--timeout", "0")]
    [TestCase("motion-control", "--image", "https://example.com/me.png", "--video", "https://example.com/dance.mp4", "--orientation", "image", "--resolution", "4k")]
    [TestCase("motion-control", "--image", "/no/such/file.png", "--video", "https://example.com/dance.mp4", "--orientation", "image")]
    [TestCase("motion-control", "--image", "ftp://example.com/me.png", "--video", "https://example.com/dance.mp4", "--orientation", "image")]
    [TestCase("motion-control", "--image", "https://example.com/me.png", "--video", "https://example.com/dance.mp4", "--orientation", "image", "--callback-url", "not a url")]
    [TestCase("motion-control", "--image", "https://example.com/me.png", "--video", "https://example.com/dance.mp4", "--orientation", "image", "--output", "Poyo.Cli.Tests.dll")]
    [TestCase("motion-control", "--image", "https://example.com/me.png", "--video", "https://example.com/dance.mp4", "--orientation", "image", "--base-url", "ftp://example.com")]
    [TestCase("status")]
    [TestCase("no-such-command")]
    public async Task A_bad_command_line_exits_2_with_one_error_line_and_nothing_is_sent(params string[] args)
    {
        using var sandbox = PoyoSandbox.Start();

        var result = await PoyoCli.RunAsync(SandboxEnvironment.For(sandbox), args);

        Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
        Assert.That(result.Stderr, Does.StartWith("error: "));
        Assert.That(result.Stderr, Does.Not.Contain("   at "), "no stack trace");
        Assert.That(result.Stdout, Is.Empty);
        Assert.That(sandbox.SubmitCount + sandbox.StatusPollCount, Is.EqualTo(0));
    }

    [Test]
    public async Task Local_files_are_uploaded_and_their_urls_submitted()
    {
        using var sandbox = PoyoSandbox.Start();

        var result = await PoyoCli.RunAsync(
            SandboxEnvironment.For(sandbox),
            "motion-control", "--image", Fixtures.Png, "--video", Fixtures.Mov, "--orientation", "image", "--poll-interval", "0.05");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        Assert.That(sandbox.UploadCount, Is.EqualTo(2));
        Assert.That(sandbox.SubmitCount, Is.EqualTo(1));
        var submitted = sandbox.Tasks.Single().RequestBody;
        Assert.That(submitted, Does.Contain(sandbox.Uploads[0].FileUrl.AbsoluteUri).And.Contain(sandbox.Uploads[1].FileUrl.AbsoluteUri));
        Assert.That(submitted, Does.Not.Contain("local-file.invalid"));
    }

    [Test]
    public async Task A_bad_local_video_exits_2_before_the_good_image_is_uploaded()
    {
        using var sandbox = PoyoSandbox.Start();
        var video = Path.Combine(TestContext.CurrentContext.WorkDirectory, $"dance-{Guid.NewGuid():N}.avi");
        await File.WriteAllBytesAsync(video, [0, 0, 0, 0]);
        try
        {
            var result = await PoyoCli.RunAsync(
                SandboxEnvironment.For(sandbox),
                "motion-control", "--image", Fixtures.Png, "--video", video, "--orientation", "image");

            Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
            Assert.That(result.Stderr, Does.Contain("input.video_urls[0]").And.Contain(".avi"));
            Assert.That(sandbox.UploadCount, Is.EqualTo(0));
            Assert.That(sandbox.SubmitCount, Is.EqualTo(0));
        }
        finally
        {
            File.Delete(video);
        }
    }

    [Test]
    public async Task A_rejected_key_exits_3_and_the_key_is_never_printed()
    {
        using var sandbox = PoyoSandbox.Start();
        const string wrongKey = "sk-wrong-but-secret-1234567890";
        var environment = SandboxEnvironment.For(sandbox);
        environment["POYO_API_KEY"] = null;

        var result = await PoyoCli.RunAsync(environment, [.. SandboxEnvironment.MotionControl(), "--api-key", wrongKey]);

        Assert.That(result.ExitCode, Is.EqualTo(3), result.ToString());
        Assert.That(result.Stdout + result.Stderr, Does.Not.Contain(wrongKey));
        Assert.That(result.Stderr.Trim().Split('\n'), Has.Length.EqualTo(1), "one line");
    }

    [Test]
    public async Task A_401_from_PoYo_exits_3()
    {
        using var sandbox = PoyoSandbox.Start();
        sandbox.RespondUnauthorized();

        var result = await PoyoCli.RunAsync(SandboxEnvironment.For(sandbox), SandboxEnvironment.MotionControl());

        Assert.That(result.ExitCode, Is.EqualTo(3), result.ToString());
        Assert.That(sandbox.Tasks, Is.Empty);
    }

    [Test]
    public async Task No_key_with_a_base_url_exits_3_before_sending()
    {
        using var sandbox = PoyoSandbox.Start();
        var environment = SandboxEnvironment.For(sandbox);
        environment["POYO_API_KEY"] = null;

        var result = await PoyoCli.RunAsync(environment, SandboxEnvironment.MotionControl());

        Assert.That(result.ExitCode, Is.EqualTo(3), result.ToString());
        Assert.That(result.Stderr, Does.Contain("POYO_API_KEY"));
        Assert.That(sandbox.SubmitCount, Is.EqualTo(0));
    }

    [Test]
    public async Task Insufficient_credits_exit_4()
    {
        using var sandbox = PoyoSandbox.Start();
        sandbox.RespondInsufficientCredits();

        var result = await PoyoCli.RunAsync(SandboxEnvironment.For(sandbox), SandboxEnvironment.MotionControl());

        Assert.That(result.ExitCode, Is.EqualTo(4), result.ToString());
        Assert.That(result.Stderr, Does.StartWith("error: ").And.Contain("redit"));
    }

    [Test]
    public async Task A_server_error_on_submit_exits_5_and_is_not_resubmitted()
    {
        using var sandbox = PoyoSandbox.Start();
        sandbox.RespondServerError(statusCode: 502, htmlBody: true);

        var result = await PoyoCli.RunAsync(SandboxEnvironment.For(sandbox), SandboxEnvironment.MotionControl());

        Assert.That(result.ExitCode, Is.EqualTo(5), result.ToString());
        Assert.That(sandbox.SubmitCount, Is.EqualTo(1));
        Assert.That(result.Stderr.Trim().Split('\n'), Has.Length.EqualTo(1), "one line, no HTML page");
    }

    [Test]
    public async Task The_status_of_an_unknown_task_exits_5()
    {
        using var sandbox = PoyoSandbox.Start();

        var result = await PoyoCli.RunAsync(SandboxEnvironment.For(sandbox), "status", "task-does-not-exist");

        Assert.That(result.ExitCode, Is.EqualTo(5), result.ToString());
        Assert.That(result.Stderr, Does.StartWith("error: "));
    }

    [Test]
    public async Task A_wait_that_runs_out_of_time_exits_6_and_says_how_to_resume()
    {
        using var sandbox = SandboxEnvironment.StartNeverFinishing();

        var result = await PoyoCli.RunAsync(SandboxEnvironment.For(sandbox), SandboxEnvironment.MotionControl("--timeout", "1"));

        Assert.That(result.ExitCode, Is.EqualTo(6), result.ToString());
        var taskId = sandbox.Tasks.Single().TaskId;
        Assert.That(result.Field("Task"), Is.EqualTo(taskId));
        Assert.That(result.Stderr, Does.Contain($"poyo wait {taskId}"));
    }

    [Test]
    public async Task Ctrl_C_while_waiting_exits_130_and_says_how_to_resume()
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS())
        {
            Assert.Ignore("Sends SIGINT with kill(1), which exists on Linux and macOS only.");
        }

        using var sandbox = SandboxEnvironment.StartNeverFinishing();
        using var cli = PoyoCli.Start(SandboxEnvironment.For(sandbox), SandboxEnvironment.MotionControl());
        var taskLine = await cli.WaitForLineAsync(line => line.StartsWith("Task ", StringComparison.Ordinal));
        await cli.WaitForLineAsync(line => line.Contains("running", StringComparison.Ordinal));

        await cli.InterruptAsync();
        var result = await cli.WaitForExitAsync();

        Assert.That(result.ExitCode, Is.EqualTo(130), result.ToString());
        var taskId = taskLine["Task ".Length..].Trim();
        Assert.That(result.Stderr, Does.Contain($"poyo wait {taskId}"));
        Assert.That(result.Stderr, Does.Not.Contain("   at "), "no stack trace");
    }
}
