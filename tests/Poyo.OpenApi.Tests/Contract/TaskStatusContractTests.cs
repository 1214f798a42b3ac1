using NUnit.Framework;
using Poyo.OpenApi.Tests.Support;
using WireMock.Matchers;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace Poyo.OpenApi.Tests.Contract;

/// <summary>Every status shape the API sends, the docs' own examples included.</summary>
public sealed class TaskStatusContractTests
{
    private static readonly DateTimeOffset TenThirtyUtc = new(2025, 11, 12, 10, 30, 0, TimeSpan.Zero);
    private WireMockServer _server = null!;
    private PoyoClient _client = null!;

    [SetUp]
    public void Start()
    {
        _server = LoopbackWireMock.Start();
        _client = TestRequests.ClientFor(_server.Url!);
    }

    [TearDown]
    public void Stop()
    {
        _client.Dispose();
        _server.Dispose();
    }

    [Test]
    public async Task A_not_started_task()
    {
        _server.StubStatus("t1", 200, StubResponses.Task("t1", "not_started", ""","progress":0,"files":[],"created_time":"2025-11-12T10:30:00","error_message":null"""));

        var task = await _client.GetTaskAsync("t1");

        Assert.That(task.Status, Is.EqualTo(PoyoTaskStatus.NotStarted));
        Assert.That(task.Status.IsCompleted, Is.False);
        Assert.That(task.Progress, Is.Zero);
        Assert.That(task.OutputFiles, Is.Empty);
        Assert.That(_server.Requests().Single().Method, Is.EqualTo("GET"));
        Assert.That(_server.Requests().Single().Headers!["Authorization"].Single(), Is.EqualTo("Bearer " + TestRequests.ApiKey));
    }

    [Test]
    public async Task A_running_task_with_progress()
    {
        _server.StubStatus("t2", 200, StubResponses.Task("t2", "running", ""","progress":42,"files":[],"created_time":"2025-11-12T10:30:00","error_message":null"""));

        var task = await _client.GetTaskAsync("t2");

        Assert.That(task.Status, Is.EqualTo(PoyoTaskStatus.Running));
        Assert.That(task.Progress, Is.EqualTo(42));
        Assert.That(task.Status.IsCompleted, Is.False);
    }

    [Test]
    public async Task The_docs_finished_example()
    {
        _server.StubStatus("task-unified-1757165031-uyujaw3d", 200, """
            {"code":200,"data":{"task_id":"task-unified-1757165031-uyujaw3d","status":"finished","progress":100,"files":[{"file_url":"https://storage.poyo.ai/generated/video.mp4","file_type":"video"}],"created_time":"2025-11-12T10:30:00","error_message":null}}
            """);

        var task = await _client.GetTaskAsync("task-unified-1757165031-uyujaw3d");

        Assert.That(task.Status, Is.EqualTo(PoyoTaskStatus.Finished));
        Assert.That(task.Status.IsCompleted && !task.Status.IsFailure, Is.True);
        Assert.That(task.Progress, Is.EqualTo(100));
        Assert.That(task.OutputFiles.Single().FileUrl, Is.EqualTo(new Uri("https://storage.poyo.ai/generated/video.mp4")));
        Assert.That(task.OutputFiles.Single().FileType, Is.EqualTo("video"));
        Assert.That(task.CreatedTime, Is.EqualTo(TenThirtyUtc));
        Assert.That(task.ErrorMessage, Is.Null);
        Assert.That(task.CreditsAmount, Is.Null, "credits_amount may be missing");
    }

    [Test]
    public async Task The_docs_failed_example_is_a_result_not_an_exception()
    {
        _server.StubStatus("8FDN1I7M7Q68DDG8", 200, """
            {"code":200,"data":{"task_id":"8FDN1I7M7Q68DDG8","status":"failed","files":[],"created_time":"2025-11-25T08:50:13","error_message":"The prompt violates our content policy"}}
            """);

        var task = await _client.GetTaskAsync("8FDN1I7M7Q68DDG8");

        Assert.That(task.Status, Is.EqualTo(PoyoTaskStatus.Failed));
        Assert.That(task.Status.IsFailure, Is.True);
        Assert.That(task.ErrorMessage, Is.EqualTo("The prompt violates our content policy"));
        Assert.That(task.Progress, Is.Null, "progress may be missing");
    }

    [Test]
    public async Task An_unknown_status_is_kept_raw_and_is_not_finished()
    {
        _server.StubStatus("t3", 200, StubResponses.Task("t3", "queued"));

        var task = await _client.GetTaskAsync("t3");

        Assert.That(task.Status.ToString(), Is.EqualTo("queued"));
        Assert.That(task.RawStatus, Is.EqualTo("queued"));
        Assert.That(task.Status.IsKnown, Is.False);
        Assert.That(task.Status.IsCompleted, Is.False);
    }

    [TestCase("cancelled")]
    [TestCase("canceled")]
    public async Task A_cancelled_task_is_a_terminal_failure(string raw)
    {
        _server.StubStatus("t4", 200, StubResponses.Task("t4", raw));

        var task = await _client.GetTaskAsync("t4");

        Assert.That(task.Status, Is.EqualTo(PoyoTaskStatus.Cancelled));
        Assert.That(task.Status.IsCompleted && task.Status.IsFailure, Is.True);
    }

    [TestCase("2025-11-12T10:30:00")]
    [TestCase("2025-11-12T10:30:00.000000")]
    [TestCase("2025-11-12T10:30:00Z")]
    [TestCase("2025-11-12T10:30:00.5Z", 500)]
    [TestCase("2025-11-12T12:30:00+02:00")]
    [TestCase("2025-11-12T05:30:00-05:00")]
    public async Task Timestamps_parse_with_or_without_fraction_and_offset_and_naive_means_utc(string wire, int milliseconds = 0)
    {
        _server.StubStatus("t5", 200, StubResponses.Task("t5", "running", $$$""","created_time":"{{{wire}}}" """));

        var task = await _client.GetTaskAsync("t5");

        Assert.That(task.CreatedTime, Is.EqualTo(TenThirtyUtc.AddMilliseconds(milliseconds)));
    }

    [Test]
    public async Task Null_progress_credits_and_files_and_unknown_fields_are_accepted()
    {
        _server.StubStatus("t6", 200, """
            {"code":200,"request_id":"r-1","data":{"task_id":"t6","status":"finished","progress":null,"credits_amount":null,"files":[{"file_url":"https://cdn.example/o.glb","file_type":"model","label":"x","file_size":12}],"finished_time":"2025-11-12T10:31:00","output":{"a":1},"created_time":null}}
            """);

        var task = await _client.GetTaskAsync("t6");

        Assert.That(task.Progress, Is.Null);
        Assert.That(task.CreditsAmount, Is.Null);
        Assert.That(task.CreatedTime, Is.Null);
        Assert.That(task.OutputFiles.Single().FileType, Is.EqualTo("model"), "file_type is an open string");
        Assert.That(task.AdditionalProperties.ContainsKey("finished_time"), Is.True, "unknown fields are kept, not fatal");
    }

    [Test]
    public async Task Credits_amount_is_read_when_present()
    {
        _server.StubStatus("t7", 200, StubResponses.Task("t7", "finished", ""","credits_amount":12.5"""));

        var task = await _client.GetTaskAsync("t7");

        Assert.That(task.CreditsAmount, Is.EqualTo(12.5));
    }

    [Test]
    public async Task The_task_id_is_url_encoded_in_the_path()
    {
        _server
            .Given(Request.Create().WithPath(new WildcardMatcher("/api/generate/status/*")).UsingGet())
            .RespondWith(Response.Create().WithBody(StubResponses.Task("a/b c", "running")));

        var capture = new CapturingHandler();
        using var http = new HttpClient(capture);
        using var client = new PoyoClient(http, new PoyoClientOptions { ApiKey = TestRequests.ApiKey, BaseUrl = new Uri(_server.Url!) });

        var task = await client.GetTaskAsync("a/b c");

        Assert.That(task.TaskId, Is.EqualTo("a/b c"));
        Assert.That(capture.RequestUris.Single().AbsoluteUri, Does.EndWith("/api/generate/status/a%2Fb%20c"));
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("   ")]
    public void A_blank_task_id_is_refused_before_sending(string? taskId)
    {
        Assert.That(() => _client.GetTaskAsync(taskId!), Throws.InstanceOf<ArgumentException>());
        Assert.That(_server.LogEntries, Is.Empty);
    }
}
