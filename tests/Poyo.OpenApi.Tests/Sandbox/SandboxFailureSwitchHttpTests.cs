using System.Net;
using NUnit.Framework;
using Poyo.OpenApi.Testing;

namespace Poyo.OpenApi.Tests.Sandbox;

/// <summary>The switchable failures as they look on the wire, and how they are used up.</summary>
public class SandboxFailureSwitchHttpTests
{
    [Test]
    public async Task FailNextTask_ends_the_next_task_as_failed_and_the_one_after_as_finished()
    {
        using var sandbox = PoyoSandbox.Start(new PoyoSandboxOptions { PollsPerStage = 1 });
        using var http = SandboxHttp.Client(sandbox);
        sandbox.FailNextTask("Prompt rejected by moderation");

        var failing = await http.SubmitValidAsync();
        var finishing = await http.SubmitValidAsync();
        System.Text.Json.Nodes.JsonObject failed = null!, finished = null!;
        for (var poll = 0; poll < 3; poll++)
        {
            failed = await http.PollAsync(failing);
            finished = await http.PollAsync(finishing);
        }

        Assert.That((string)failed["status"]!, Is.EqualTo("failed"));
        Assert.That(failed["files"]!.AsArray(), Is.Empty);
        Assert.That((string)failed["error_message"]!, Is.EqualTo("Prompt rejected by moderation"));
        Assert.That((double)failed["credits_amount"]!, Is.Zero);
        Assert.That((string)finished["status"]!, Is.EqualTo("finished"));
        Assert.That(sandbox.FindTask(failing)!.FailureMessage, Is.EqualTo("Prompt rejected by moderation"));
        Assert.That(sandbox.FindTask(failing)!.Status, Is.EqualTo("failed"));
    }

    [Test]
    public async Task A_task_made_to_fail_walks_through_running_first()
    {
        using var sandbox = PoyoSandbox.Start(new PoyoSandboxOptions { PollsPerStage = 1 });
        using var http = SandboxHttp.Client(sandbox);
        sandbox.FailNextTask();

        var taskId = await http.SubmitValidAsync();
        var statuses = new List<string>();
        for (var poll = 0; poll < 3; poll++)
        {
            statuses.Add((string)(await http.PollAsync(taskId))["status"]!);
        }

        Assert.That(statuses, Is.EqualTo(new[] { "not_started", "running", "failed" }));
        Assert.That(sandbox.FindTask(taskId)!.FailureMessage, Is.EqualTo(PoyoSandbox.DefaultFailureMessage));
    }

    [Test]
    public async Task RespondUnauthorized_refuses_even_the_right_key_for_the_next_requests_only()
    {
        using var sandbox = PoyoSandbox.Start();
        using var http = SandboxHttp.Client(sandbox);
        sandbox.RespondUnauthorized(requests: 2);

        using var first = await http.SubmitAsync(SandboxHttp.ValidBody());
        using var second = await http.StatusAsync("task-x");
        using var third = await http.SubmitAsync(SandboxHttp.ValidBody());

        Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That((string)(await first.JsonAsync())["error"]!["type"]!, Is.EqualTo("authentication_error"));
        Assert.That(second.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(third.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task RespondInsufficientCredits_answers_code_402_inside_http_200_and_creates_nothing()
    {
        using var sandbox = PoyoSandbox.Start();
        using var http = SandboxHttp.Client(sandbox);
        sandbox.RespondInsufficientCredits();

        using var refused = await http.SubmitAsync(SandboxHttp.ValidBody());
        var body = await refused.Content.ReadAsStringAsync();
        using var accepted = await http.SubmitAsync(SandboxHttp.ValidBody());

        Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(body, Is.EqualTo("""{"code":402,"error":{"message":"Insufficient credits","type":"insufficient_credits_error"}}"""));
        Assert.That(accepted.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(sandbox.Tasks, Has.Count.EqualTo(1));
        Assert.That(sandbox.SubmitCount, Is.EqualTo(2));
    }

    [Test]
    public async Task Insufficient_credits_does_not_touch_status_polls()
    {
        using var sandbox = PoyoSandbox.Start();
        using var http = SandboxHttp.Client(sandbox);
        var taskId = await http.SubmitValidAsync();
        sandbox.RespondInsufficientCredits();

        using var status = await http.StatusAsync(taskId);

        Assert.That((int)(await status.JsonAsync())["code"]!, Is.EqualTo(200));
    }

    [Test]
    public async Task RespondRateLimited_answers_429_with_retry_after_for_n_requests()
    {
        using var sandbox = PoyoSandbox.Start();
        using var http = SandboxHttp.Client(sandbox);
        var taskId = await http.SubmitValidAsync();
        sandbox.RespondRateLimited(requests: 2, retryAfterSeconds: 7);

        using var first = await http.StatusAsync(taskId);
        using var second = await http.StatusAsync(taskId);
        using var third = await http.StatusAsync(taskId);

        Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests));
        Assert.That(first.Headers.RetryAfter?.Delta, Is.EqualTo(TimeSpan.FromSeconds(7)));
        Assert.That((int)(await first.JsonAsync())["code"]!, Is.EqualTo(429));
        Assert.That(second.StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests));
        Assert.That(third.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(sandbox.FindTask(taskId)!.StatusPollCount, Is.EqualTo(1), "refused polls do not advance the task");
        Assert.That(sandbox.StatusPollCount, Is.EqualTo(3));
    }

    [Test]
    public async Task RespondRateLimited_can_omit_retry_after()
    {
        using var sandbox = PoyoSandbox.Start();
        using var http = SandboxHttp.Client(sandbox);
        sandbox.RespondRateLimited(retryAfterSeconds: null);

        using var response = await http.SubmitAsync(SandboxHttp.ValidBody());

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests));
        Assert.That(response.Headers.RetryAfter, Is.Null);
    }

    [TestCase(500)]
    [TestCase(502)]
    [TestCase(503)]
    public async Task RespondServerError_answers_a_json_envelope(int statusCode)
    {
        using var sandbox = PoyoSandbox.Start();
        using var http = SandboxHttp.Client(sandbox);
        sandbox.RespondServerError(requests: 1, statusCode: statusCode);

        using var failed = await http.SubmitAsync(SandboxHttp.ValidBody());
        using var next = await http.SubmitAsync(SandboxHttp.ValidBody());

        Assert.That((int)failed.StatusCode, Is.EqualTo(statusCode));
        Assert.That((int)(await failed.JsonAsync())["code"]!, Is.EqualTo(statusCode));
        Assert.That(next.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(sandbox.Tasks, Has.Count.EqualTo(1), "a 5xx submit created nothing");
    }

    [Test]
    public async Task RespondServerError_can_answer_an_html_page()
    {
        using var sandbox = PoyoSandbox.Start();
        using var http = SandboxHttp.Client(sandbox);
        sandbox.RespondServerError(statusCode: 502, htmlBody: true);

        using var response = await http.StatusAsync("task-x");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadGateway));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/html"));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.StartWith("<html>").And.Contain("502 Bad gateway"));
    }

    [Test]
    public async Task Server_errors_come_before_rate_limits_and_rate_limits_before_401()
    {
        using var sandbox = PoyoSandbox.Start();
        using var http = SandboxHttp.Client(sandbox);
        sandbox.RespondUnauthorized();
        sandbox.RespondRateLimited();
        sandbox.RespondServerError();

        var codes = new List<HttpStatusCode>();
        for (var request = 0; request < 4; request++)
        {
            using var response = await http.SubmitAsync(SandboxHttp.ValidBody());
            codes.Add(response.StatusCode);
        }

        Assert.That(codes, Is.EqualTo(new[]
        {
            HttpStatusCode.ServiceUnavailable, HttpStatusCode.TooManyRequests, HttpStatusCode.Unauthorized, HttpStatusCode.OK,
        }));
    }

    [Test]
    public async Task ClearFailures_disarms_everything()
    {
        using var sandbox = PoyoSandbox.Start(new PoyoSandboxOptions { PollsPerStage = 1 });
        using var http = SandboxHttp.Client(sandbox);
        sandbox.RespondServerError(requests: 10);
        sandbox.RespondRateLimited(requests: 10);
        sandbox.RespondUnauthorized(requests: 10);
        sandbox.RespondInsufficientCredits(submits: 10);
        sandbox.FailNextTask();

        sandbox.ClearFailures();
        var taskId = await http.SubmitValidAsync();
        System.Text.Json.Nodes.JsonObject last = null!;
        for (var poll = 0; poll < 3; poll++)
        {
            last = await http.PollAsync(taskId);
        }

        Assert.That((string)last["status"]!, Is.EqualTo("finished"));
    }

    [Test]
    public void Switches_refuse_nonsense()
    {
        using var sandbox = PoyoSandbox.Start();

        Assert.Throws<ArgumentOutOfRangeException>(() => sandbox.RespondServerError(statusCode: 404));
        Assert.Throws<ArgumentOutOfRangeException>(() => sandbox.RespondRateLimited(requests: -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => sandbox.RespondRateLimited(retryAfterSeconds: -1));
        Assert.Throws<ArgumentException>(() => sandbox.FailNextTask(" "));
        Assert.Throws<ArgumentOutOfRangeException>(() => PoyoSandbox.Start(new PoyoSandboxOptions { PollsPerStage = 0 }));
        Assert.Throws<ArgumentException>(() => PoyoSandbox.Start(new PoyoSandboxOptions { ApiKey = "" }));
        Assert.Throws<ArgumentException>(() => PoyoSandbox.Start(new PoyoSandboxOptions
        {
            RunningAfter = TimeSpan.FromSeconds(10),
            FinishedAfter = TimeSpan.FromSeconds(10),
        }));
    }
}
