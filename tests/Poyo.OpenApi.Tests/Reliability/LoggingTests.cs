using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using NUnit.Framework;
using Poyo.OpenApi.Tests.Support;
using WireMock.Server;

namespace Poyo.OpenApi.Tests.Reliability;

/// <summary>What the client logs: start, answer, retries, failures; operation, status, category and timings only.</summary>
[TestFixture]
public class LoggingTests
{
    private WireMockServer _server = null!;
    private FakeLogCollector _logs = null!;
    private ILoggerFactory _loggerFactory = null!;

    [SetUp]
    public void Start()
    {
        _server = LoopbackWireMock.Start();
        _logs = new FakeLogCollector();
        _loggerFactory = LoggerFactory.Create(builder => builder.SetMinimumLevel(LogLevel.Trace).AddProvider(new FakeLoggerProvider(_logs)));
    }

    [TearDown]
    public void Stop()
    {
        _loggerFactory.Dispose();
        _server.Dispose();
    }

    [Test]
    public async Task A_read_logs_its_start_and_answer_at_debug()
    {
        _server.StubStatus("t1", 200, StubResponses.Task("t1", "running"));
        using var client = Client(TestRequests.NoRetries());

        await client.GetTaskAsync("t1");

        var records = _logs.GetSnapshot();
        Assert.That(records.Select(r => r.Category), Has.All.EqualTo("Poyo.OpenApi.PoyoClient"));
        Assert.That(records.Select(r => (r.Level, r.Message)), Is.EqualTo(new[]
        {
            (LogLevel.Debug, "Sending Read request to read the task's status"),
            (LogLevel.Debug, records[1].Message),
        }));
        Assert.That(records[1].Message, Does.StartWith("PoYo answered HTTP 200 to read the task's status (task t1) in "));
    }

    [Test]
    public async Task A_submit_logs_the_new_task_id()
    {
        _server.StubSubmit(200, """{"code":200,"data":{"task_id":"task-new-7","status":"not_started"}}""");
        using var client = Client(TestRequests.NoRetries());

        await client.SubmitTaskAsync(TestRequests.MinimalRequest());

        Assert.That(_logs.LatestRecord.Message, Does.StartWith("PoYo answered HTTP 200 to submit a task (task task-new-7) in "));
    }

    [Test]
    public async Task Each_retry_and_the_final_failure_are_warnings()
    {
        _server.StubStatus("t1", 503, """{"code":503,"error":{"message":"busy"}}""");
        using var client = Client(new PoyoRetryOptions { MaxRetries = 2, UseJitter = false });

        await Expect.PoyoErrorAsync(() => client.GetTaskAsync("t1"));

        var warnings = _logs.GetSnapshot().Where(r => r.Level == LogLevel.Warning).Select(r => r.Message).ToList();
        Assert.That(warnings, Has.Count.EqualTo(5), "3 failed attempts, 2 retries");
        Assert.That(warnings, Has.Some.EqualTo("Retrying Read request (attempt 1) in 1000 ms after Server (HTTP 503)"));
        Assert.That(warnings, Has.Some.EqualTo("Retrying Read request (attempt 2) in 2000 ms after Server (HTTP 503)"));
        Assert.That(warnings.Last(), Does.StartWith("Could not read the task's status: Server (HTTP 503, outcome unknown: False)"));
    }

    [Test]
    public async Task A_failed_submit_logs_one_warning_with_the_outcome_unknown()
    {
        _server.StubSubmit(502, "<html>Bad Gateway</html>", contentType: "text/html");
        using var client = Client(new PoyoRetryOptions());

        await Expect.PoyoErrorAsync(() => client.SubmitTaskAsync(TestRequests.MinimalRequest()));

        var warning = _logs.GetSnapshot().Single(r => r.Level == LogLevel.Warning);
        Assert.That(warning.Message, Does.StartWith("Could not submit a task: Server (HTTP 502, outcome unknown: True)"));
        Assert.That(warning.Exception, Is.InstanceOf<PoyoException>());
    }

    private PoyoClient Client(PoyoRetryOptions retry) => new(new PoyoClientOptions
    {
        ApiKey = TestRequests.ApiKey,
        BaseUrl = new Uri(_server.Url!),
        TimeProvider = new AutoAdvancingTime(),
        LoggerFactory = _loggerFactory,
        Retry = retry,
    });
}
