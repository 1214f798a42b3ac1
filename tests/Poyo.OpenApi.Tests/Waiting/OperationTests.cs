using NUnit.Framework;
using Poyo.OpenApi.Tests.Support;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace Poyo.OpenApi.Tests.Waiting;

/// <summary>The operation's lifecycle on a fake clock; WireMock scenarios drive the task's states.</summary>
public sealed class OperationTests
{
    private const string TaskId = "task-op-1";
    private static readonly string StatusPath = $"/api/generate/status/{TaskId}";
    private static readonly string Finished = StubResponses.Task(TaskId, "finished", ""","progress":100,"files":[{"file_url":"https://cdn.example/out.mp4","file_type":"video"}]""");

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

            // These tests pin the poller's own handling of transient errors, one status request per poll.
            Retry = TestRequests.NoRetries(),
        });
        _server.StubSubmit(200, $$$"""{"code":200,"data":{"task_id":"{{{TaskId}}}","status":"not_started","created_time":"2025-11-12T10:30:00"}}""");
    }

    [TearDown]
    public void Stop()
    {
        _client.Dispose();
        _server.Dispose();
    }

    /// <summary>Each status request moves the scenario to the next body.</summary>
    private void StubStatusSequence(params (int Status, string Body, string? RetryAfter)[] steps)
    {
        for (var index = 0; index < steps.Length; index++)
        {
            var response = Response.Create().WithStatusCode(steps[index].Status).WithBody(steps[index].Body);
            if (steps[index].RetryAfter is { } retryAfter)
            {
                response = response.WithHeader("Retry-After", retryAfter);
            }

            var request = _server.Given(Request.Create().WithPath(StatusPath).UsingGet());
            var isLast = index == steps.Length - 1;
            if (index == 0 && isLast)
            {
                request.RespondWith(response);
            }
            else if (index == 0)
            {
                request.InScenario("lifecycle").WillSetStateTo("step1").RespondWith(response);
            }
            else if (isLast)
            {
                request.InScenario("lifecycle").WhenStateIs($"step{index}").RespondWith(response);
            }
            else
            {
                request.InScenario("lifecycle").WhenStateIs($"step{index}").WillSetStateTo($"step{index + 1}").RespondWith(response);
            }
        }
    }

    private static (int, string, string?) Ok(string body) => (200, body, null);

    private int StatusRequests => _server.Requests().Count(r => r.Path == StatusPath);

    [Test]
    public async Task The_happy_lifecycle_reports_each_change_once_in_order_and_returns_the_files()
    {
        StubStatusSequence(
            Ok(StubResponses.Task(TaskId, "not_started", ""","progress":0""")),
            Ok(StubResponses.Task(TaskId, "running", ""","progress":30""")),
            Ok(StubResponses.Task(TaskId, "running", ""","progress":30""")),
            Ok(StubResponses.Task(TaskId, "running", ""","progress":60""")),
            Ok(Finished));
        var progress = new RecordingProgress();

        var operation = await _client.SubmitMotionControlAsync(WaitUntil.Started, TestRequests.MinimalInput());
        var wait = operation.WaitForCompletionAsync(progress);
        var delays = new List<TimeSpan>();
        for (var poll = 0; poll < 5; poll++)
        {
            delays.Add(await _time.CompleteNextWaitAsync());
        }

        var task = await wait;

        Assert.That(task.OutputFiles.Single().FileUrl, Is.EqualTo(new Uri("https://cdn.example/out.mp4")));
        Assert.That(operation.HasCompleted, Is.True);
        Assert.That(operation.Id, Is.EqualTo(TaskId));
        Assert.That(delays.Select(d => d.TotalSeconds), Is.EqualTo(new[] { 5, 5, 7.5, 11.25, 15 }));
        Assert.That(progress.Reports.Select(r => r.ToString()), Is.EqualTo(new[]
        {
            $"{TaskId} not_started",
            $"{TaskId} not_started 0%",
            $"{TaskId} running 30%",
            $"{TaskId} running 60%",
            $"{TaskId} finished 100%",
        }));
        Assert.That(StatusRequests, Is.EqualTo(5));
    }

    [Test]
    public async Task A_failed_task_raises_task_failed_with_its_id_and_reason()
    {
        StubStatusSequence(Ok(StubResponses.Task(TaskId, "failed", ""","files":[],"error_message":"The prompt violates our content policy" """)));
        var operation = new PoyoTaskOperation(TaskId, _client);

        var wait = operation.WaitForCompletionAsync();
        await _time.CompleteNextWaitAsync();
        var error = await Expect.ThrowsAsync<PoyoTaskFailedException>(() => wait);

        Assert.That(error.TaskId, Is.EqualTo(TaskId));
        Assert.That(error.Category, Is.EqualTo(PoyoErrorCategory.TaskFailed));
        Assert.That(error.ErrorMessage, Is.EqualTo("The prompt violates our content policy"));
        Assert.That(error.Message, Does.Contain("The prompt violates our content policy"));
    }

    [Test]
    public async Task An_unknown_status_keeps_waiting_until_finished()
    {
        StubStatusSequence(Ok(StubResponses.Task(TaskId, "queued")), Ok(StubResponses.Task(TaskId, "processing")), Ok(Finished));
        var operation = new PoyoTaskOperation(TaskId, _client);

        var wait = operation.WaitForCompletionAsync();
        for (var poll = 0; poll < 3; poll++)
        {
            await _time.CompleteNextWaitAsync();
        }

        var task = await wait;

        Assert.That(task.Status, Is.EqualTo(PoyoTaskStatus.Finished));
        Assert.That(StatusRequests, Is.EqualTo(3));
    }

    [Test]
    public async Task Rate_limited_polling_waits_exactly_the_retry_after_then_goes_on()
    {
        StubStatusSequence(
            (429, """{"code":429,"error":{"message":"Too many requests"}}""", "17"),
            (503, "<html>busy</html>", null),
            Ok(Finished));
        var operation = new PoyoTaskOperation(TaskId, _client);

        var wait = operation.WaitForCompletionAsync();
        var first = await _time.CompleteNextWaitAsync();
        var afterRateLimit = await _time.CompleteNextWaitAsync();
        var afterServerError = await _time.CompleteNextWaitAsync();
        var task = await wait;

        Assert.That(first, Is.EqualTo(TimeSpan.FromSeconds(5)));
        Assert.That(afterRateLimit, Is.EqualTo(TimeSpan.FromSeconds(17)), "Retry-After wins");
        Assert.That(afterServerError, Is.EqualTo(TimeSpan.FromSeconds(7.5)), "a 5xx without Retry-After backs off like a poll");
        Assert.That(task.Status, Is.EqualTo(PoyoTaskStatus.Finished));
        Assert.That(StatusRequests, Is.EqualTo(3));
    }

    [Test]
    public async Task A_retry_after_past_the_cap_is_surfaced_instead_of_sleeping()
    {
        StubStatusSequence((429, """{"code":429,"error":{"message":"Too many requests"}}""", "410400"));
        var operation = new PoyoTaskOperation(TaskId, _client);

        var wait = operation.WaitForCompletionAsync();
        await _time.CompleteNextWaitAsync();
        var error = await Expect.PoyoErrorAsync(() => wait);

        Assert.That(error.Category, Is.EqualTo(PoyoErrorCategory.RateLimited));
        Assert.That(error.TaskId, Is.EqualTo(TaskId));
        Assert.That(error.RetryAfter, Is.EqualTo(TimeSpan.FromHours(114)));
        Assert.That(_time.HasPendingWait, Is.False, "it did not start sleeping 114 hours");
    }

    [Test]
    public async Task The_overall_timeout_carries_the_task_id_and_last_status()
    {
        StubStatusSequence(Ok(StubResponses.Task(TaskId, "running", ""","progress":10""")));
        var operation = new PoyoTaskOperation(TaskId, _client);
        var options = new PoyoWaitOptions { JitterRatio = 0, Timeout = TimeSpan.FromSeconds(12) };

        var wait = operation.WaitForCompletionAsync(options: options);
        var delays = new[] { await _time.CompleteNextWaitAsync(), await _time.CompleteNextWaitAsync(), await _time.CompleteNextWaitAsync() };
        var error = await Expect.ThrowsAsync<PoyoWaitTimeoutException>(() => wait);

        Assert.That(delays.Select(d => d.TotalSeconds), Is.EqualTo(new[] { 5, 5, 2 }), "the last wait is cut to the deadline, where one last look is taken");
        Assert.That(StatusRequests, Is.EqualTo(3));
        Assert.That(error.TaskId, Is.EqualTo(TaskId));
        Assert.That(error.LastTask!.Status, Is.EqualTo(PoyoTaskStatus.Running));
        Assert.That(error.Category, Is.EqualTo(PoyoErrorCategory.Timeout));
        Assert.That(error.Message, Does.Contain(TaskId).And.Contain("running"));
    }

    [Test]
    public async Task Cancellation_mid_wait_stops_at_once_and_sends_nothing_more()
    {
        StubStatusSequence(Ok(StubResponses.Task(TaskId, "running")));
        var operation = new PoyoTaskOperation(TaskId, _client);
        using var cancel = new CancellationTokenSource();

        var wait = operation.WaitForCompletionAsync(cancellationToken: cancel.Token);
        await _time.CompleteNextWaitAsync();
        await _time.NextWaitAsync();
        cancel.Cancel();

        Assert.That(async () => await wait, Throws.InstanceOf<OperationCanceledException>());
        _time.Advance(TimeSpan.FromMinutes(10));
        Assert.That(StatusRequests, Is.EqualTo(1));
    }

    [Test]
    public async Task A_rehydrated_operation_refreshes_once_and_resumes()
    {
        StubStatusSequence(Ok(StubResponses.Task(TaskId, "running", ""","progress":80""")), Ok(Finished));
        var operation = new PoyoTaskOperation(TaskId, _client);

        Assert.That(operation.LastTask, Is.Null);
        var once = await operation.UpdateStatusAsync();
        Assert.That((once.Status, operation.Progress, operation.HasCompleted), Is.EqualTo((PoyoTaskStatus.Running, (int?)80, false)));

        var wait = operation.WaitForCompletionAsync();
        await _time.CompleteNextWaitAsync();
        var task = await wait;

        Assert.That(task.Status, Is.EqualTo(PoyoTaskStatus.Finished));
        Assert.That(StatusRequests, Is.EqualTo(2));
    }

    [Test]
    public async Task A_finished_task_without_files_is_an_unexpected_response()
    {
        StubStatusSequence(Ok(StubResponses.Task(TaskId, "finished", ""","files":[]""")));
        var operation = new PoyoTaskOperation(TaskId, _client);

        var wait = operation.WaitForCompletionAsync();
        await _time.CompleteNextWaitAsync();
        var error = await Expect.PoyoErrorAsync(() => wait);

        Assert.That(error.Category, Is.EqualTo(PoyoErrorCategory.UnexpectedResponse));
        Assert.That(error.TaskId, Is.EqualTo(TaskId));
    }

    [Test]
    public async Task A_non_transient_error_ends_the_wait_with_the_task_id()
    {
        StubStatusSequence((404, """{"code":404,"error":{"message":"Task not found"}}""", null));
        var operation = new PoyoTaskOperation(TaskId, _client);

        var wait = operation.WaitForCompletionAsync();
        await _time.CompleteNextWaitAsync();
        var error = await Expect.PoyoErrorAsync(() => wait);

        Assert.That(error.Category, Is.EqualTo(PoyoErrorCategory.NotFound));
        Assert.That(error.TaskId, Is.EqualTo(TaskId));
    }

    [Test]
    public void Rehydration_refuses_a_blank_id() =>
        Assert.That(() => new PoyoTaskOperation(" ", _client), Throws.ArgumentException);

    private sealed class RecordingProgress : IProgress<PoyoTaskProgress>
    {
        public List<PoyoTaskProgress> Reports { get; } = [];

        public void Report(PoyoTaskProgress value) => Reports.Add(value);
    }
}
