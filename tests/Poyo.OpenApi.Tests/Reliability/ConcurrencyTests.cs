using System.Collections.Concurrent;
using NUnit.Framework;
using Poyo.OpenApi.Testing;
using Poyo.OpenApi.Tests.Support;

namespace Poyo.OpenApi.Tests.Reliability;

/// <summary>One shared client, hundreds of concurrent submit-and-wait flows: every task submitted once, finished once.</summary>
[TestFixture]
public class ConcurrencyTests
{
    public const int Flows = 300;

    [Test]
    public async Task Hundreds_of_concurrent_submit_and_wait_flows_share_one_client()
    {
        const int Failing = 15;
        using var sandbox = PoyoSandbox.Start(new PoyoSandboxOptions { PollsPerStage = 1 });
        for (var i = 0; i < Failing; i++)
        {
            sandbox.FailNextTask();
        }

        // Poll pacing: the sandbox advances one stage per poll, so outcomes do not depend on timing; the real-time
        // poll interval only keeps the run short.
        using var client = new PoyoClient(new PoyoClientOptions
        {
            ApiKey = sandbox.ApiKey,
            BaseUrl = sandbox.Url,
            Waiting = new PoyoWaitOptions
            {
                InitialDelay = TimeSpan.FromMilliseconds(1),
                PollInterval = TimeSpan.FromMilliseconds(1),
                MaxPollInterval = TimeSpan.FromMilliseconds(2),
                JitterRatio = 0,
            },
        });
        var endings = new ConcurrentDictionary<string, int>();

        var outcomes = await Task.WhenAll(Enumerable.Range(0, Flows).Select(async _ =>
        {
            var progress = new EndingCounter(endings);
            try
            {
                var operation = await client.StartTaskAsync(WaitUntil.Completed, new SubmitTaskRequest(TestRequests.MinimalInput()), progress);
                return (operation.Id, Failed: false);
            }
            catch (PoyoTaskFailedException failed)
            {
                return (failed.TaskId!, Failed: true);
            }
        })).WaitAsync(TimeSpan.FromSeconds(60));

        var ids = outcomes.Select(outcome => outcome.Item1).ToList();
        var duplicateSubmits = sandbox.SubmitCount - Flows;
        TestContext.Out.WriteLine($"{Flows} flows, {sandbox.SubmitCount} submits, {duplicateSubmits} duplicate submits, {sandbox.StatusPollCount} status polls");
        Assert.That(ids.Distinct().Count(), Is.EqualTo(Flows), "distinct task ids");
        Assert.That(duplicateSubmits, Is.Zero, "every flow submitted exactly once");
        Assert.That(sandbox.Tasks, Has.Count.EqualTo(Flows));
        Assert.That(sandbox.Tasks.Select(task => task.SubmitCount), Has.All.EqualTo(1));
        Assert.That(outcomes.Count(outcome => outcome.Failed), Is.EqualTo(Failing));
        Assert.That(ids.Select(id => endings.GetValueOrDefault(id)), Has.All.EqualTo(1), "each task reported its end exactly once");
        Assert.That(sandbox.Tasks.Count(task => task.Status == "finished"), Is.EqualTo(Flows - Failing));
    }

    [Test]
    public async Task Concurrent_reads_retry_independently_on_the_shared_pipeline()
    {
        const int Reads = 100;
        using var server = LoopbackWireMock.Start();
        for (var i = 0; i < Reads; i++)
        {
            var path = $"/api/generate/status/task-{i}";
            server.Given(WireMock.RequestBuilders.Request.Create().WithPath(path).UsingGet())
                .InScenario($"task-{i}").WillSetStateTo("recovered")
                .RespondWith(WireMock.ResponseBuilders.Response.Create().WithStatusCode(503).WithBody("{\"code\":503}"));
            server.Given(WireMock.RequestBuilders.Request.Create().WithPath(path).UsingGet())
                .InScenario($"task-{i}").WhenStateIs("recovered")
                .RespondWith(WireMock.ResponseBuilders.Response.Create().WithStatusCode(200).WithBody(StubResponses.Task($"task-{i}", "finished")));
        }

        using var client = new PoyoClient(new PoyoClientOptions
        {
            ApiKey = TestRequests.ApiKey,
            BaseUrl = new Uri(server.Url!),
            TimeProvider = new AutoAdvancingTime(),
        });

        var tasks = await Task.WhenAll(Enumerable.Range(0, Reads).Select(i => client.GetTaskAsync($"task-{i}"))).WaitAsync(TimeSpan.FromSeconds(60));

        Assert.That(tasks.Select(task => task.TaskId), Is.EquivalentTo(Enumerable.Range(0, Reads).Select(i => $"task-{i}")));
        Assert.That(tasks.Select(task => task.Status), Has.All.EqualTo(PoyoTaskStatus.Finished));
        var perPath = server.Requests().GroupBy(request => request.Path).Select(group => group.Count()).ToList();
        Assert.That(perPath, Has.Count.EqualTo(Reads).And.All.EqualTo(2), "one failure, one retry, per read");
    }

    /// <summary>Counts, synchronously, how often each task is reported in a final state.</summary>
    private sealed class EndingCounter(ConcurrentDictionary<string, int> endings) : IProgress<PoyoTaskProgress>
    {
        public void Report(PoyoTaskProgress value)
        {
            if (value.Status.IsCompleted)
            {
                endings.AddOrUpdate(value.TaskId, 1, (_, count) => count + 1);
            }
        }
    }
}
