using NUnit.Framework;
using Poyo.OpenApi.Tests.Support;
using WireMock.Server;

namespace Poyo.OpenApi.Tests.Contract;

/// <summary>Each error shape, on both endpoints, becomes one <see cref="PoyoException"/> with the right category and message.</summary>
public sealed class ErrorContractTests
{
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

    private static IEnumerable<TestCaseData> EnvelopeErrors()
    {
        yield return new TestCaseData(400, "invalid_request_error", "Invalid parameter: size", PoyoErrorCategory.InvalidRequest);
        yield return new TestCaseData(400, "validation_error", "task_id is required", PoyoErrorCategory.InvalidRequest);
        yield return new TestCaseData(400, "content_moderation_error", "Prompt rejected", PoyoErrorCategory.ContentModeration);
        yield return new TestCaseData(400, "content_too_long_error", "Prompt too long", PoyoErrorCategory.InvalidRequest);
        yield return new TestCaseData(400, "file_format_error", "Unsupported file", PoyoErrorCategory.InvalidRequest);
        yield return new TestCaseData(401, "authentication_error", "Invalid API key", PoyoErrorCategory.Authentication);
        yield return new TestCaseData(402, "insufficient_credits_error", "Insufficient credits", PoyoErrorCategory.InsufficientCredits);
        yield return new TestCaseData(403, "permission_denied_error", "Not your task", PoyoErrorCategory.PermissionDenied);
        yield return new TestCaseData(404, "not_found", "Task not found", PoyoErrorCategory.NotFound);
        yield return new TestCaseData(429, "rate_limited", "Slow down", PoyoErrorCategory.RateLimited);
        yield return new TestCaseData(500, "server_error", "Internal error", PoyoErrorCategory.Server);
        yield return new TestCaseData(503, "unavailable", "Maintenance", PoyoErrorCategory.Server);
        yield return new TestCaseData(418, "teapot", "I am a teapot", PoyoErrorCategory.UnexpectedResponse);
    }

    [TestCaseSource(nameof(EnvelopeErrors))]
    public async Task The_error_envelope_gives_status_code_type_message_and_category(int status, string type, string message, PoyoErrorCategory category)
    {
        _server.StubSubmit(status, $$$"""{"code":{{{status}}},"error":{"message":"{{{message}}}","type":"{{{type}}}"}}""");

        var error = await Expect.PoyoErrorAsync(() => _client.SubmitTaskAsync(TestRequests.MinimalRequest()));

        Assert.That(error.StatusCode, Is.EqualTo(status));
        Assert.That(error.ErrorCode, Is.EqualTo(status));
        Assert.That(error.ErrorType, Is.EqualTo(type));
        Assert.That(error.Category, Is.EqualTo(category));
        Assert.That(error.Message, Does.Contain(message));
    }

    [Test]
    public async Task A_failure_code_inside_http_200_is_an_error()
    {
        _server.StubSubmit(200, """{"code":402,"error":{"message":"Insufficient credits","type":"insufficient_credits_error"}}""");

        var error = await Expect.PoyoErrorAsync(() => _client.SubmitTaskAsync(TestRequests.MinimalRequest()));

        Assert.That(error.StatusCode, Is.EqualTo(200));
        Assert.That(error.ErrorCode, Is.EqualTo(402));
        Assert.That(error.Category, Is.EqualTo(PoyoErrorCategory.InsufficientCredits));
        Assert.That(error.Message, Does.Contain("Insufficient credits"));
        Assert.That(error.IsOutcomeUnknown, Is.False, "PoYo answered: the task was not created");
    }

    [Test]
    public async Task A_failure_code_inside_http_200_on_status_is_an_error_too()
    {
        _server.StubStatus("t1", 200, """{"code":401,"error":{"message":"Invalid API key","type":"authentication_error"}}""");

        var error = await Expect.PoyoErrorAsync(() => _client.GetTaskAsync("t1"));

        Assert.That(error.Category, Is.EqualTo(PoyoErrorCategory.Authentication));
        Assert.That(error.ErrorCode, Is.EqualTo(401));
    }

    [TestCase("""{"detail":"File too large"}""", "File too large")]
    [TestCase("""{"detail":[{"loc":["body","file"],"msg":"field required"},{"msg":"bad name"}]}""", "field required; bad name")]
    [TestCase("""{"message":"Gateway says no"}""", "Gateway says no")]
    [TestCase("""{"error":"plain string error"}""", "plain string error")]
    [TestCase("not json at all", "not json at all")]
    public async Task The_message_is_read_from_error_then_detail_then_message_then_raw_text(string body, string expected)
    {
        _server.StubStatus("t2", 400, body);

        var error = await Expect.PoyoErrorAsync(() => _client.GetTaskAsync("t2"));

        Assert.That(error.Message, Does.Contain(expected));
        Assert.That(error.Category, Is.EqualTo(PoyoErrorCategory.InvalidRequest));
    }

    [Test]
    public async Task An_html_502_page_is_reduced_to_its_text()
    {
        _server.StubStatus("t3", 502, "<html><head><style>b{}</style><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1><p>nginx</p></body></html>", contentType: "text/html");

        var error = await Expect.PoyoErrorAsync(() => _client.GetTaskAsync("t3"));

        Assert.That(error.Category, Is.EqualTo(PoyoErrorCategory.Server));
        Assert.That(error.StatusCode, Is.EqualTo(502));
        Assert.That(error.Message, Does.Contain("502 Bad Gateway 502 Bad Gateway nginx"));
        Assert.That(error.Message, Does.Not.Contain("<"));
    }

    [Test]
    public async Task A_huge_raw_body_is_capped_in_the_message()
    {
        _server.StubStatus("t4", 500, new string('x', 10_000), contentType: "text/plain");

        var error = await Expect.PoyoErrorAsync(() => _client.GetTaskAsync("t4"));

        Assert.That(error.Message.Length, Is.LessThan(600));
    }

    [Test]
    public async Task Rate_limiting_carries_retry_after_in_seconds()
    {
        _server.StubStatus("t5", 429, """{"code":429,"error":{"message":"Too many requests"}}""", retryAfter: "7");

        var error = await Expect.PoyoErrorAsync(() => _client.GetTaskAsync("t5"));

        Assert.That(error.Category, Is.EqualTo(PoyoErrorCategory.RateLimited));
        Assert.That(error.RetryAfter, Is.EqualTo(TimeSpan.FromSeconds(7)));
    }

    [Test]
    public async Task A_submit_answered_without_a_task_id_is_an_unexpected_response()
    {
        _server.StubSubmit(200, """{"code":200,"data":{"status":"not_started"}}""");

        var error = await Expect.PoyoErrorAsync(() => _client.SubmitTaskAsync(TestRequests.MinimalRequest()));

        Assert.That(error.Category, Is.EqualTo(PoyoErrorCategory.UnexpectedResponse));
        Assert.That(error.Message, Does.Contain("data.task_id"));
    }

    [Test]
    public async Task A_status_answered_without_a_status_is_an_unexpected_response()
    {
        _server.StubStatus("t6", 200, """{"code":200,"data":{"task_id":"t6"}}""");

        var error = await Expect.PoyoErrorAsync(() => _client.GetTaskAsync("t6"));

        Assert.That(error.Category, Is.EqualTo(PoyoErrorCategory.UnexpectedResponse));
        Assert.That(error.Message, Does.Contain("data.status"));
    }

    [TestCase("""{"code":200,"data":{"task_id":"t7","sta""")]
    [TestCase("<html>oops</html>")]
    [TestCase("")]
    [TestCase("""{"code":200,"data":{"task_id":"t7","status":"running"}} {"trailing":true}""")]
    public async Task A_200_that_is_not_the_documented_json_is_an_unexpected_response(string body)
    {
        _server.StubStatus("t7", 200, body);

        var error = await Expect.PoyoErrorAsync(() => _client.GetTaskAsync("t7"));

        Assert.That(error.Category, Is.EqualTo(PoyoErrorCategory.UnexpectedResponse));
        Assert.That(error.StatusCode, Is.EqualTo(200));
    }

    [Test]
    public async Task A_5xx_on_submit_says_the_outcome_is_unknown()
    {
        _server.StubSubmit(500, """{"code":500,"error":{"message":"Internal error"}}""");

        var error = await Expect.PoyoErrorAsync(() => _client.SubmitTaskAsync(TestRequests.MinimalRequest()));

        Assert.That(error.IsOutcomeUnknown, Is.True);
        Assert.That(error.Message, Does.Contain("do not resubmit blindly"));
        Assert.That(_server.LogEntries, Has.Count.EqualTo(1), "a paid submit is never retried automatically");
    }

    [Test]
    public async Task The_api_key_never_appears_in_an_error_even_when_the_server_echoes_it()
    {
        _server.StubSubmit(401, $$$"""{"code":401,"error":{"message":"Key {{{TestRequests.ApiKey}}} is invalid","type":"authentication_error"}}""");

        var error = await Expect.PoyoErrorAsync(() => _client.SubmitTaskAsync(TestRequests.MinimalRequest()));

        Assert.That(error.ToString(), Does.Not.Contain(TestRequests.ApiKey));
        Assert.That(error.Message, Does.Contain("[redacted]"));
    }

    [Test]
    public async Task A_refused_connection_is_a_network_error_that_was_never_sent()
    {
        var url = _server.Url!;
        _server.Stop();
        using var client = TestRequests.ClientFor(url);

        var error = await Expect.PoyoErrorAsync(() => client.SubmitTaskAsync(TestRequests.MinimalRequest()));

        Assert.That(error.Category, Is.EqualTo(PoyoErrorCategory.Network));
        Assert.That(error.IsOutcomeUnknown, Is.False, "connection refused: the request never left");
    }
}
