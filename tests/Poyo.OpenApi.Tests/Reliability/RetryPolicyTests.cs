using System.Globalization;
using System.Net;
using System.Text;
using NUnit.Framework;
using Poyo.OpenApi.Tests.Support;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace Poyo.OpenApi.Tests.Reliability;

/// <summary>The retry policy's numbers, on a stepping fake clock: every delay is asserted, nothing sleeps.</summary>
[TestFixture]
public class RetryPolicyTests
{
    private const string TaskId = "task-retry-1";
    private const string StatusPath = "/api/generate/status/" + TaskId;
    private WireMockServer _server = null!;
    private SteppingTime _time = null!;

    [SetUp]
    public void Start()
    {
        _server = LoopbackWireMock.Start();
        _time = new SteppingTime();
    }

    [TearDown]
    public void Stop() => _server.Dispose();

    [Test]
    public async Task A_status_read_backs_off_exponentially_then_returns_the_task()
    {
        StubStatusSequence(Json(500), Json(502), Json(503), Ok());
        using var client = Client(new PoyoRetryOptions { UseJitter = false });

        var read = client.GetTaskAsync(TaskId);
        var waits = new[] { await _time.CompleteNextWaitAsync(), await _time.CompleteNextWaitAsync(), await _time.CompleteNextWaitAsync() };
        var task = await read;

        Assert.That(waits, Is.EqualTo(new[] { TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4) }));
        Assert.That(task.Status, Is.EqualTo(PoyoTaskStatus.Finished));
        Assert.That(_server.Requests(), Has.Count.EqualTo(4));
    }

    [Test]
    public async Task Backoff_is_capped_by_max_delay()
    {
        StubStatusSequence(Json(503));
        using var client = Client(new PoyoRetryOptions { UseJitter = false, MaxRetries = 4, BaseDelay = TimeSpan.FromSeconds(1), MaxDelay = TimeSpan.FromSeconds(3) });

        var read = client.GetTaskAsync(TaskId);
        var waits = new List<TimeSpan>();
        for (var i = 0; i < 4; i++)
        {
            waits.Add(await _time.CompleteNextWaitAsync());
        }

        var error = await Expect.PoyoErrorAsync(() => read);
        Assert.That(waits, Is.EqualTo(new[] { 1, 2, 3, 3 }.Select(s => TimeSpan.FromSeconds(s))));
        Assert.That(error.Category, Is.EqualTo(PoyoErrorCategory.Server));
        Assert.That(_server.Requests(), Has.Count.EqualTo(5), "attempts are bounded: 1 + MaxRetries");
    }

    [Test]
    public async Task Jittered_delays_stay_positive_and_under_max_delay()
    {
        StubStatusSequence(Json(503));
        using var client = Client(new PoyoRetryOptions { MaxRetries = 6, MaxDelay = TimeSpan.FromSeconds(5) });

        var read = client.GetTaskAsync(TaskId);
        var waits = new List<TimeSpan>();
        for (var i = 0; i < 6; i++)
        {
            waits.Add(await _time.CompleteNextWaitAsync());
        }

        await Expect.PoyoErrorAsync(() => read);
        Assert.That(waits, Has.All.GreaterThan(TimeSpan.Zero).And.All.LessThanOrEqualTo(TimeSpan.FromSeconds(5)));
    }

    [TestCase("7", 7)]
    [TestCase("0", 0)]
    public async Task Retry_after_in_seconds_is_waited_exactly(string header, int seconds)
    {
        StubStatusSequence(Json(429, retryAfter: header), Ok());
        using var client = Client(new PoyoRetryOptions { UseJitter = false });

        var read = client.GetTaskAsync(TaskId);
        if (seconds > 0)
        {
            Assert.That(await _time.CompleteNextWaitAsync(), Is.EqualTo(TimeSpan.FromSeconds(seconds)));
        }

        Assert.That((await read).Status, Is.EqualTo(PoyoTaskStatus.Finished));
        Assert.That(_server.Requests(), Has.Count.EqualTo(2));
    }

    [Test]
    public async Task Retry_after_as_an_http_date_is_read_against_the_client_clock()
    {
        var date = _time.GetUtcNow().AddSeconds(12).ToString("r", CultureInfo.InvariantCulture);
        StubStatusSequence(Json(503, retryAfter: date), Ok());
        using var client = Client(new PoyoRetryOptions { UseJitter = false });

        var read = client.GetTaskAsync(TaskId);

        Assert.That(await _time.CompleteNextWaitAsync(), Is.EqualTo(TimeSpan.FromSeconds(12)));
        Assert.That((await read).Status, Is.EqualTo(PoyoTaskStatus.Finished));
    }

    [Test]
    public async Task A_retry_after_over_the_cap_surfaces_the_429_instead_of_sleeping()
    {
        StubStatusSequence(Json(429, retryAfter: "31"), Ok());
        using var client = Client(new PoyoRetryOptions { MaxRetryAfter = TimeSpan.FromSeconds(30) });

        var error = await Expect.PoyoErrorAsync(() => client.GetTaskAsync(TaskId));

        Assert.That(error.Category, Is.EqualTo(PoyoErrorCategory.RateLimited));
        Assert.That(error.RetryAfter, Is.EqualTo(TimeSpan.FromSeconds(31)));
        Assert.That(_time.HasPendingWait, Is.False);
        Assert.That(_server.Requests(), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task Max_retries_zero_sends_once()
    {
        StubStatusSequence(Json(503));
        using var client = Client(new PoyoRetryOptions { MaxRetries = 0 });

        var error = await Expect.PoyoErrorAsync(() => client.GetTaskAsync(TaskId));

        Assert.That(error.Category, Is.EqualTo(PoyoErrorCategory.Server));
        Assert.That(_server.Requests(), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task A_refused_submit_is_retried_with_the_same_key_and_reaches_the_server_once()
    {
        var port = LoopbackWireMock.FreeLoopbackPort();
        using var client = new PoyoClient(new PoyoClientOptions
        {
            ApiKey = TestRequests.ApiKey,
            BaseUrl = new Uri($"http://127.0.0.1:{port}/"),
            TimeProvider = _time,
            Retry = new PoyoRetryOptions { UseJitter = false },
        });
        var request = TestRequests.MinimalRequest();

        var submit = client.SubmitTaskAsync(request);
        var firstWait = await _time.NextWaitAsync();
        using var late = LoopbackWireMock.StartOn(port);
        late.Given(Request.Create().WithPath(StubResponses.SubmitPath).UsingPost())
            .RespondWith(Response.Create().WithStatusCode(200).WithBody("""{"code":200,"data":{"task_id":"task-late","status":"not_started"}}"""));
        _time.Advance(firstWait);
        var task = await submit.WaitAsync(TimeSpan.FromSeconds(20));

        Assert.That(firstWait, Is.EqualTo(TimeSpan.FromSeconds(1)));
        Assert.That(task.TaskId, Is.EqualTo("task-late"));
        var received = late.Requests();
        Assert.That(received, Has.Count.EqualTo(1));
        Assert.That(received[0].Headers!["Idempotency-Key"].Single(), Is.EqualTo(request.IdempotencyKey));
    }

    [Test]
    public async Task A_submit_refused_every_time_gives_up_after_max_retries_with_a_known_outcome()
    {
        var port = LoopbackWireMock.FreeLoopbackPort();
        using var client = new PoyoClient(new PoyoClientOptions
        {
            ApiKey = TestRequests.ApiKey,
            BaseUrl = new Uri($"http://127.0.0.1:{port}/"),
            TimeProvider = _time,
            Retry = new PoyoRetryOptions { UseJitter = false, MaxRetries = 2 },
        });

        var submit = client.SubmitTaskAsync(TestRequests.MinimalRequest());
        var waits = new[] { await _time.CompleteNextWaitAsync(), await _time.CompleteNextWaitAsync() };
        var error = await Expect.PoyoErrorAsync(() => submit);

        Assert.That(waits, Is.EqualTo(new[] { TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2) }));
        Assert.That(error.Category, Is.EqualTo(PoyoErrorCategory.Network));
        Assert.That(error.IsOutcomeUnknown, Is.False, "nothing was sent");
    }

    [Test]
    public async Task Retries_apply_to_a_passed_in_http_client_too()
    {
        var handler = new ScriptedHandler((_, n) => n < 2
            ? new HttpResponseMessage(HttpStatusCode.ServiceUnavailable) { Content = new StringContent("busy") }
            : new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(StubResponses.Task(TaskId, "finished"), Encoding.UTF8, "application/json") });
        using var http = new HttpClient(handler) { BaseAddress = new Uri("https://api.example/") };
        using var client = new PoyoClient(http, new PoyoClientOptions { ApiKey = TestRequests.ApiKey, TimeProvider = new AutoAdvancingTime() });

        var task = await client.GetTaskAsync(TaskId);

        Assert.That(task.Status, Is.EqualTo(PoyoTaskStatus.Finished));
        Assert.That(handler.Requests, Is.EqualTo(3));
    }

    [Test]
    public async Task Cancelling_during_a_retry_wait_cancels_without_another_request()
    {
        StubStatusSequence(Json(503));
        using var client = Client(new PoyoRetryOptions());
        using var cancel = new CancellationTokenSource();

        var read = client.GetTaskAsync(TaskId, cancel.Token);
        await _time.NextWaitAsync();
        await cancel.CancelAsync();

        Assert.That(async () => await read, Throws.InstanceOf<OperationCanceledException>());
        Assert.That(_server.Requests(), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task A_call_cancelled_before_it_starts_sends_nothing()
    {
        // The first attempt runs outside the retry pipeline (a fast path); a cancelled call must still send nothing.
        StubStatusSequence(Ok());
        using var client = Client(new PoyoRetryOptions());
        using var cancel = new CancellationTokenSource();
        await cancel.CancelAsync();

        await Expect.ThrowsAsync<OperationCanceledException>(() => client.GetTaskAsync(TaskId, cancel.Token));
        await Expect.ThrowsAsync<OperationCanceledException>(() => client.SubmitTaskAsync(TestRequests.MinimalRequest(), cancel.Token));
        Assert.That(_server.Requests(), Is.Empty);
    }

    [Test]
    public void Out_of_range_retry_options_are_refused_at_construction()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new PoyoClient(new PoyoClientOptions { ApiKey = "k", Retry = new PoyoRetryOptions { MaxRetries = -1 } }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new PoyoClient(new PoyoClientOptions { ApiKey = "k", Retry = new PoyoRetryOptions { BaseDelay = TimeSpan.Zero } }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new PoyoClient(new PoyoClientOptions { ApiKey = "k", Retry = new PoyoRetryOptions { MaxDelay = TimeSpan.FromMilliseconds(1) } }));
    }

    private PoyoClient Client(PoyoRetryOptions retry) => new(new PoyoClientOptions
    {
        ApiKey = TestRequests.ApiKey,
        BaseUrl = new Uri(_server.Url!),
        TimeProvider = _time,
        Retry = retry,
    });

    private static IResponseBuilder Json(int status, string? retryAfter = null)
    {
        var response = Response.Create().WithStatusCode(status).WithHeader("Content-Type", "application/json")
            .WithBody("{\"code\":" + status + ",\"error\":{\"message\":\"try later\"}}");
        return retryAfter is null ? response : response.WithHeader("Retry-After", retryAfter);
    }

    private static IResponseBuilder Ok() =>
        Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody(StubResponses.Task(TaskId, "finished"));

    private void StubStatusSequence(params IResponseBuilder[] responses)
    {
        for (var index = 0; index < responses.Length; index++)
        {
            var given = _server.Given(Request.Create().WithPath(StatusPath).UsingGet());
            if (responses.Length == 1)
            {
                given.RespondWith(responses[index]);
            }
            else if (index == 0)
            {
                given.InScenario("retry").WillSetStateTo("step1").RespondWith(responses[index]);
            }
            else if (index == responses.Length - 1)
            {
                given.InScenario("retry").WhenStateIs($"step{index}").RespondWith(responses[index]);
            }
            else
            {
                given.InScenario("retry").WhenStateIs($"step{index}").WillSetStateTo($"step{index + 1}").RespondWith(responses[index]);
            }
        }
    }
}
