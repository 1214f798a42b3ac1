using NUnit.Framework;
using Poyo.OpenApi.Testing;
using Poyo.OpenApi.Tests.Support;

namespace Poyo.OpenApi.Tests.Waiting;

/// <summary>
/// What the default waiting policy costs for tasks of a given length, against the sandbox paced by a fake clock:
/// status requests made, and how long after the task finished the client noticed (jitter off, so exact).
/// </summary>
public sealed class DefaultPolicyCostTests
{
    [TestCase(30, 5, 13.75)]
    [TestCase(120, 11, 13.75)]
    [TestCase(600, 43, 13.75)]
    public async Task Requests_and_detection_delay_for_a_task_of_a_given_length(int taskSeconds, int expectedRequests, double expectedDelaySeconds)
    {
        var time = new SteppingTime();
        using var sandbox = PoyoSandbox.Start(new PoyoSandboxOptions
        {
            Pacing = SandboxPacing.ByTime,
            TimeProvider = time,
            RunningAfter = TimeSpan.FromSeconds(1),
            FinishedAfter = TimeSpan.FromSeconds(taskSeconds),
        });
        using var client = new PoyoClient(new PoyoClientOptions
        {
            ApiKey = sandbox.ApiKey,
            BaseUrl = sandbox.Url,
            TimeProvider = time,
            Waiting = new PoyoWaitOptions { JitterRatio = 0 },
        });
        var submittedAt = time.GetUtcNow();

        var operation = await client.SubmitMotionControlAsync(WaitUntil.Started, TestRequests.MinimalInput());
        var wait = operation.WaitForCompletionAsync();
        while (true)
        {
            var nextWait = time.NextWaitAsync();
            if (await Task.WhenAny(wait, nextWait) == wait)
            {
                break;
            }

            time.Advance(await nextWait);
        }

        var task = await wait;
        var noticedAfter = time.GetUtcNow() - submittedAt - TimeSpan.FromSeconds(taskSeconds);
        TestContext.Out.WriteLine($"task {taskSeconds} s: {sandbox.StatusPollCount} status requests, noticed {noticedAfter.TotalSeconds:0.##} s after it finished");

        Assert.That(task.Status, Is.EqualTo(PoyoTaskStatus.Finished));
        Assert.That(sandbox.StatusPollCount, Is.EqualTo(expectedRequests));
        Assert.That(sandbox.SubmitCount, Is.EqualTo(1));
        Assert.That(noticedAfter.TotalSeconds, Is.EqualTo(expectedDelaySeconds).Within(0.001));
    }
}
