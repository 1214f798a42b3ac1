using NUnit.Framework;
using Poyo.OpenApi.Tests.Support;
using WireMock.Server;

namespace Poyo.OpenApi.Tests.Waiting;

/// <summary>A wait ends on whichever comes first: the verified callback (then reconciled with GET status) or the poll.</summary>
public sealed class CallbackOrPollTests
{
    private const string TaskId = "task-cb-1";
    private WireMockServer _server = null!;
    private SteppingTime _time = null!;
    private PoyoClient _client = null!;

    [SetUp]
    public void Start()
    {
        _server = LoopbackWireMock.Start();
        _time = new SteppingTime();
        _client = new PoyoClient(new PoyoClientOptions
        {
            ApiKey = TestRequests.ApiKey,
            BaseUrl = new Uri(_server.Url!),
            TimeProvider = _time,
            Waiting = new PoyoWaitOptions { JitterRatio = 0 },
        });
    }

    [TearDown]
    public void Stop()
    {
        _client.Dispose();
        _server.Dispose();
    }

    [Test]
    public async Task A_callback_ends_the_wait_before_the_next_poll_and_the_result_is_reconciled()
    {
        _server.StubStatus(TaskId, 200, StubResponses.Task(TaskId, "running", ""","progress":50"""));
        var callback = new TaskCompletionSource<PoyoTask>();
        var operation = new PoyoTaskOperation(TaskId, _client);

        var wait = operation.WaitForCompletionAsync(callback.Task);
        await _time.CompleteNextWaitAsync();
        var longWait = await _time.NextWaitAsync();
        _server.StubStatus(TaskId, 200, StubResponses.Task(TaskId, "finished", ""","files":[{"file_url":"https://cdn.example/real.mp4","file_type":"video"}]"""));
        callback.SetResult(new PoyoTask { TaskId = TaskId, RawStatus = "finished", Files = [new TaskFile { FileUrl = new Uri("https://evil.example/forged.mp4") }] });
        var task = await wait.WaitAsync(TimeSpan.FromSeconds(20));

        Assert.That(longWait, Is.EqualTo(TimeSpan.FromSeconds(5)));
        Assert.That(task.OutputFiles.Single().FileUrl, Is.EqualTo(new Uri("https://cdn.example/real.mp4")), "URLs come from GET status, not the unsigned body");
        Assert.That(_server.Requests(), Has.Count.EqualTo(2), "one poll, then one reconcile; no poll after the callback");
    }

    [Test]
    public async Task The_poll_wins_when_it_sees_the_end_first()
    {
        _server.StubStatus(TaskId, 200, StubResponses.Task(TaskId, "finished", ""","files":[{"file_url":"https://cdn.example/real.mp4","file_type":"video"}]"""));
        var callback = new TaskCompletionSource<PoyoTask>();
        var operation = new PoyoTaskOperation(TaskId, _client);

        var wait = operation.WaitForCompletionAsync(callback.Task);
        await _time.CompleteNextWaitAsync();
        var task = await wait.WaitAsync(TimeSpan.FromSeconds(20));

        Assert.That(task.Status, Is.EqualTo(PoyoTaskStatus.Finished));
        Assert.That(_server.Requests(), Has.Count.EqualTo(1));
    }
}
