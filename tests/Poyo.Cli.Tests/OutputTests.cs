using System.Text.Json;
using NUnit.Framework;
using Poyo.Cli.Tests.Support;
using Poyo.OpenApi.Testing;

namespace Poyo.Cli.Tests;

/// <summary>What the CLI prints where: JSON alone on stdout, plain progress on a redirected stderr, no escape codes.</summary>
public sealed class OutputTests
{
    [Test]
    public async Task Json_puts_only_the_final_task_on_stdout()
    {
        using var sandbox = PoyoSandbox.Start();

        var result = await PoyoCli.RunAsync(SandboxEnvironment.For(sandbox), SandboxEnvironment.MotionControl("--json"));

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        using var json = JsonDocument.Parse(result.Stdout);
        var taskId = sandbox.Tasks.Single().TaskId;
        Assert.That(json.RootElement.GetProperty("task_id").GetString(), Is.EqualTo(taskId));
        Assert.That(json.RootElement.GetProperty("status").GetString(), Is.EqualTo("finished"));
        var file = json.RootElement.GetProperty("files").EnumerateArray().Single();
        Assert.That(file.GetProperty("file_url").GetString(), Is.EqualTo(sandbox.OutputFileUrl(taskId).AbsoluteUri));
        Assert.That(result.StdoutLines, Has.Length.EqualTo(1), "one JSON object on one line when redirected");
    }

    [Test]
    public async Task Json_of_a_failed_task_has_its_status_and_an_empty_files_array()
    {
        using var sandbox = PoyoSandbox.Start();
        sandbox.FailNextTask("no dancing today");

        var result = await PoyoCli.RunAsync(SandboxEnvironment.For(sandbox), SandboxEnvironment.MotionControl("--json"));

        Assert.That(result.ExitCode, Is.EqualTo(1), result.ToString());
        using var json = JsonDocument.Parse(result.Stdout);
        Assert.That(json.RootElement.GetProperty("status").GetString(), Is.EqualTo("failed"));
        Assert.That(json.RootElement.GetProperty("error_message").GetString(), Is.EqualTo("no dancing today"));
        Assert.That(json.RootElement.GetProperty("files").GetArrayLength(), Is.EqualTo(0));
    }

    [Test]
    public async Task Json_of_a_timed_out_wait_carries_the_task_id()
    {
        using var sandbox = SandboxEnvironment.StartNeverFinishing();

        var result = await PoyoCli.RunAsync(SandboxEnvironment.For(sandbox), SandboxEnvironment.MotionControl("--json", "--timeout", "0.5"));

        Assert.That(result.ExitCode, Is.EqualTo(6), result.ToString());
        using var json = JsonDocument.Parse(result.Stdout);
        Assert.That(json.RootElement.GetProperty("task_id").GetString(), Is.EqualTo(sandbox.Tasks.Single().TaskId));
        Assert.That(json.RootElement.GetProperty("status").GetString(), Is.EqualTo("running"));
    }

    [Test]
    public async Task Redirected_output_is_plain_text_with_progress_lines_on_stderr_and_no_escape_codes()
    {
        using var sandbox = PoyoSandbox.Start();

        var result = await PoyoCli.RunAsync(SandboxEnvironment.For(sandbox), SandboxEnvironment.MotionControl());

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        // Ordinal on purpose: a culture-aware Contains ignores control characters and would "find" ESC anywhere.
        Assert.That((result.Stdout + result.Stderr).IndexOf('\u001b', StringComparison.Ordinal), Is.EqualTo(-1), "no ANSI escape codes although TERM says xterm-256color");
        var taskId = sandbox.Tasks.Single().TaskId;
        Assert.That(result.Stderr, Does.Contain($"{taskId} running 33%").And.Contain($"{taskId} finished 100%"));
        Assert.That(result.Stdout, Does.Not.Contain("running"), "progress stays off stdout");
    }

    [Test]
    public async Task No_wait_prints_the_bare_task_id_and_wait_resumes_it()
    {
        using var sandbox = PoyoSandbox.Start();
        var environment = SandboxEnvironment.For(sandbox);

        var submitted = await PoyoCli.RunAsync(environment, SandboxEnvironment.MotionControl("--no-wait"));
        var taskId = sandbox.Tasks.Single().TaskId;
        var waited = await PoyoCli.RunAsync(environment, "wait", taskId, "--poll-interval", "0.05", "--json");

        Assert.That(submitted.ExitCode, Is.EqualTo(0), submitted.ToString());
        Assert.That(submitted.StdoutLines, Is.EqualTo(new[] { taskId }));
        Assert.That(sandbox.FindTask(taskId)!.StatusPollCount, Is.GreaterThan(0), "polled by wait only");
        Assert.That(waited.ExitCode, Is.EqualTo(0), waited.ToString());
        using var json = JsonDocument.Parse(waited.Stdout);
        Assert.That(json.RootElement.GetProperty("status").GetString(), Is.EqualTo("finished"));
        Assert.That(sandbox.SubmitCount, Is.EqualTo(1));
    }

    [Test]
    public async Task Status_reads_once_and_prints_the_task()
    {
        using var sandbox = PoyoSandbox.Start();
        var environment = SandboxEnvironment.For(sandbox);
        await PoyoCli.RunAsync(environment, SandboxEnvironment.MotionControl("--no-wait"));
        var taskId = sandbox.Tasks.Single().TaskId;

        var human = await PoyoCli.RunAsync(environment, "status", taskId);
        var json = await PoyoCli.RunAsync(environment, "status", taskId, "--json");

        Assert.That(human.ExitCode, Is.EqualTo(0), human.ToString());
        Assert.That(human.Field("Task"), Is.EqualTo(taskId));
        Assert.That(human.Field("Status"), Is.EqualTo("not_started"));
        Assert.That(json.ExitCode, Is.EqualTo(0), json.ToString());
        using var document = JsonDocument.Parse(json.Stdout);
        Assert.That(document.RootElement.GetProperty("task_id").GetString(), Is.EqualTo(taskId));
        Assert.That(sandbox.StatusPollCount, Is.EqualTo(2));
    }

    [Test]
    public async Task Output_downloads_the_files_into_the_directory()
    {
        using var sandbox = PoyoSandbox.Start();
        var directory = Path.Combine(TestContext.CurrentContext.WorkDirectory, "downloads-" + Guid.NewGuid().ToString("N"));
        try
        {
            var result = await PoyoCli.RunAsync(SandboxEnvironment.For(sandbox), SandboxEnvironment.MotionControl("--output", directory));

            Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
            var expected = Path.Combine(directory, sandbox.Tasks.Single().TaskId + ".mp4");
            Assert.That(result.Field("Saved"), Is.EqualTo(expected));
            Assert.That(new FileInfo(expected).Length, Is.GreaterThan(0));
        }
        finally
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
    }

    [Test]
    public async Task Without_a_key_or_base_url_it_runs_on_the_embedded_sandbox_and_says_so()
    {
        var result = await PoyoCli.RunAsync(new Dictionary<string, string?>(), SandboxEnvironment.MotionControl("--json"));

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        Assert.That(result.Stderr, Does.Contain("embedded local sandbox at http://127.0.0.1:"));
        using var json = JsonDocument.Parse(result.Stdout);
        Assert.That(json.RootElement.GetProperty("status").GetString(), Is.EqualTo("finished"));
    }

    [Test]
    public async Task Balance_prints_the_credits_or_one_json_object()
    {
        using var sandbox = PoyoSandbox.Start(new PoyoSandboxOptions { InitialCredits = 1234.5, AccountEmail = "dev@example.com" });

        var plain = await PoyoCli.RunAsync(SandboxEnvironment.For(sandbox), "balance");
        var json = await PoyoCli.RunAsync(SandboxEnvironment.For(sandbox), "balance", "--json");

        Assert.That(plain.ExitCode, Is.EqualTo(0), plain.ToString());
        Assert.That(plain.StdoutLines, Is.EqualTo(new[] { "Credits  1234.5", "Email    dev@example.com" }));
        Assert.That(json.ExitCode, Is.EqualTo(0), json.ToString());
        using var document = JsonDocument.Parse(json.Stdout);
        Assert.That(document.RootElement.GetProperty("credits_amount").GetDouble(), Is.EqualTo(1234.5));
        Assert.That(document.RootElement.GetProperty("email").GetString(), Is.EqualTo("dev@example.com"));
    }

    [Test]
    public async Task Balance_with_a_rejected_key_exits_3()
    {
        using var sandbox = PoyoSandbox.Start();
        var environment = SandboxEnvironment.For(sandbox);

        var result = await PoyoCli.RunAsync(environment, "balance", "--api-key", "sk-wrong-balance-key");

        Assert.That(result.ExitCode, Is.EqualTo(3), result.ToString());
        Assert.That(result.Stderr + result.Stdout, Does.Not.Contain("sk-wrong-balance-key"));
    }
}
