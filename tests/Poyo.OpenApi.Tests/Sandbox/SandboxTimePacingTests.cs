using Microsoft.Extensions.Time.Testing;
using NUnit.Framework;
using Poyo.OpenApi.Testing;

namespace Poyo.OpenApi.Tests.Sandbox;

/// <summary>Time-based pacing on a fake clock: the status depends on time since submit, not on how often it is read.</summary>
public class SandboxTimePacingTests
{
    private static PoyoSandbox StartOn(FakeTimeProvider clock) => PoyoSandbox.Start(new PoyoSandboxOptions
    {
        Pacing = SandboxPacing.ByTime,
        TimeProvider = clock,
        RunningAfter = TimeSpan.FromSeconds(10),
        FinishedAfter = TimeSpan.FromSeconds(60),
    });

    [Test]
    public async Task Status_follows_the_clock()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2025, 11, 12, 10, 30, 0, TimeSpan.Zero));
        using var sandbox = StartOn(clock);
        using var http = SandboxHttp.Client(sandbox);
        var taskId = await http.SubmitValidAsync();

        var atSubmit = await http.PollAsync(taskId);
        var stillWaiting = await http.PollAsync(taskId);
        clock.Advance(TimeSpan.FromSeconds(10));
        var justRunning = await http.PollAsync(taskId);
        clock.Advance(TimeSpan.FromSeconds(25));
        var halfway = await http.PollAsync(taskId);
        clock.Advance(TimeSpan.FromSeconds(25));
        var done = await http.PollAsync(taskId);

        Assert.That((string)atSubmit["status"]!, Is.EqualTo("not_started"));
        Assert.That((string)stillWaiting["status"]!, Is.EqualTo("not_started"), "polling alone does not advance a time-paced task");
        Assert.That((string)justRunning["status"]!, Is.EqualTo("running"));
        Assert.That((int)justRunning["progress"]!, Is.EqualTo(1));
        Assert.That((string)halfway["status"]!, Is.EqualTo("running"));
        Assert.That((int)halfway["progress"]!, Is.EqualTo(50));
        Assert.That((string)done["status"]!, Is.EqualTo("finished"));
        Assert.That((int)done["progress"]!, Is.EqualTo(100));
        Assert.That((string)done["created_time"]!, Is.EqualTo("2025-11-12T10:30:00"));
    }

    [Test]
    public async Task Each_task_is_timed_from_its_own_submit()
    {
        var clock = new FakeTimeProvider();
        using var sandbox = StartOn(clock);
        using var http = SandboxHttp.Client(sandbox);
        var early = await http.SubmitValidAsync();
        clock.Advance(TimeSpan.FromSeconds(30));
        var late = await http.SubmitValidAsync();

        clock.Advance(TimeSpan.FromSeconds(30));

        Assert.That(sandbox.FindTask(early)!.Status, Is.EqualTo("finished"));
        Assert.That(sandbox.FindTask(late)!.Status, Is.EqualTo("running"));
        Assert.That(sandbox.FindTask(late)!.Progress, Is.EqualTo(40));
        Assert.That(sandbox.FindTask(early)!.StatusPollCount, Is.Zero);
    }

    [Test]
    public async Task A_failing_task_fails_when_its_time_is_up()
    {
        var clock = new FakeTimeProvider();
        using var sandbox = StartOn(clock);
        using var http = SandboxHttp.Client(sandbox);
        sandbox.FailNextTask("Generation failed");
        var taskId = await http.SubmitValidAsync();

        clock.Advance(TimeSpan.FromSeconds(59));
        var running = await http.PollAsync(taskId);
        clock.Advance(TimeSpan.FromSeconds(1));
        var failed = await http.PollAsync(taskId);

        Assert.That((string)running["status"]!, Is.EqualTo("running"));
        Assert.That((string)failed["status"]!, Is.EqualTo("failed"));
        Assert.That((string)failed["error_message"]!, Is.EqualTo("Generation failed"));
    }
}
