using NUnit.Framework;
using Poyo.OpenApi.Testing;
using Poyo.OpenApi.Tests.Support;

namespace Poyo.OpenApi.Tests.Sandbox;

/// <summary>The real <see cref="PoyoClient"/> against the sandbox: the lifecycle and every failure's category.</summary>
public class SandboxWithPoyoClientTests
{
    private static PoyoClient ClientFor(PoyoSandbox sandbox, string? apiKey = null) =>
        new(new PoyoClientOptions { ApiKey = apiKey ?? sandbox.ApiKey, BaseUrl = sandbox.Url, Retry = TestRequests.NoRetries() });

    private static SubmitTaskRequest Request(string imageUrl = SandboxHttp.ImageUrl) =>
        new(new KlingMotionControlInput(new Uri(imageUrl), new Uri(SandboxHttp.VideoUrl), CharacterOrientation.Image));

    [Test]
    public async Task Submit_then_poll_to_finished()
    {
        using var sandbox = PoyoSandbox.Start();
        using var client = ClientFor(sandbox);

        var submitted = await client.SubmitTaskAsync(Request());
        var first = await client.GetTaskAsync(submitted.TaskId!);
        var done = await SandboxPolling.PollUntilDoneAsync(client, submitted.TaskId!);

        Assert.That(submitted.Status, Is.EqualTo(PoyoTaskStatus.NotStarted));
        Assert.That(submitted.CreatedTime, Is.Not.Null);
        Assert.That(first.Status, Is.EqualTo(PoyoTaskStatus.NotStarted));
        Assert.That(done.Status, Is.EqualTo(PoyoTaskStatus.Finished));
        Assert.That(done.Progress, Is.EqualTo(100));
        Assert.That(done.OutputFiles, Has.Count.EqualTo(1));
        Assert.That(done.OutputFiles[0].FileType, Is.EqualTo("video"));
        Assert.That(done.OutputFiles[0].FileUrl, Is.EqualTo(sandbox.OutputFileUrl(submitted.TaskId!)));
        Assert.That(done.CreditsAmount, Is.EqualTo(20));
        Assert.That(sandbox.FindTask(submitted.TaskId!)!.StatusPollCount, Is.EqualTo(5));
    }

    [Test]
    public async Task The_client_sends_what_the_sandbox_accepts_including_an_idempotency_key()
    {
        using var sandbox = PoyoSandbox.Start();
        using var client = ClientFor(sandbox);
        var request = Request();

        var first = await client.SubmitTaskAsync(request);
        var again = await client.SubmitTaskAsync(request);

        Assert.That(again.TaskId, Is.EqualTo(first.TaskId), "the same request object reuses its Idempotency-Key");
        Assert.That(sandbox.FindTask(first.TaskId!)!.IdempotencyKey, Is.EqualTo(request.IdempotencyKey));
        Assert.That(sandbox.FindTask(first.TaskId!)!.RequestBody, Does.Contain("\"model\":\"kling-3.0-motion-control\""));
    }

    [Test]
    public async Task A_failed_task_is_returned_not_thrown()
    {
        using var sandbox = PoyoSandbox.Start();
        using var client = ClientFor(sandbox);
        sandbox.FailNextTask("The prompt violates our content policy");

        var submitted = await client.SubmitTaskAsync(Request());
        var done = await SandboxPolling.PollUntilDoneAsync(client, submitted.TaskId!);

        Assert.That(done.Status, Is.EqualTo(PoyoTaskStatus.Failed));
        Assert.That(done.Status.IsFailure, Is.True);
        Assert.That(done.ErrorMessage, Is.EqualTo("The prompt violates our content policy"));
        Assert.That(done.OutputFiles, Is.Empty);
    }

    [Test]
    public async Task A_wrong_key_is_Authentication()
    {
        using var sandbox = PoyoSandbox.Start();
        using var client = ClientFor(sandbox, apiKey: "wrong-key");

        var error = await CatchAsync(() => client.SubmitTaskAsync(Request()));

        Assert.That(error.Category, Is.EqualTo(PoyoErrorCategory.Authentication));
        Assert.That(error.StatusCode, Is.EqualTo(401));
        Assert.That(error.ErrorType, Is.EqualTo("authentication_error"));
        Assert.That(error.Message, Does.Contain("Invalid API key").And.Not.Contain("wrong-key"));
    }

    [Test]
    public async Task RespondUnauthorized_is_Authentication_on_status_too()
    {
        using var sandbox = PoyoSandbox.Start();
        using var client = ClientFor(sandbox);
        var submitted = await client.SubmitTaskAsync(Request());
        sandbox.RespondUnauthorized();

        var error = await CatchAsync(() => client.GetTaskAsync(submitted.TaskId!));

        Assert.That(error.Category, Is.EqualTo(PoyoErrorCategory.Authentication));
    }

    [Test]
    public async Task Insufficient_credits_inside_http_200_is_InsufficientCredits()
    {
        using var sandbox = PoyoSandbox.Start();
        using var client = ClientFor(sandbox);
        sandbox.RespondInsufficientCredits();

        var error = await CatchAsync(() => client.SubmitTaskAsync(Request()));

        Assert.That(error.Category, Is.EqualTo(PoyoErrorCategory.InsufficientCredits));
        Assert.That(error.StatusCode, Is.EqualTo(200));
        Assert.That(error.ErrorCode, Is.EqualTo(402));
        Assert.That(error.Message, Does.Contain("Insufficient credits"));
        Assert.That(sandbox.Tasks, Is.Empty);
    }

    [Test]
    public async Task Rate_limiting_is_RateLimited_with_retry_after()
    {
        using var sandbox = PoyoSandbox.Start();
        using var client = ClientFor(sandbox);
        var submitted = await client.SubmitTaskAsync(Request());
        sandbox.RespondRateLimited(requests: 1, retryAfterSeconds: 7);

        var error = await CatchAsync(() => client.GetTaskAsync(submitted.TaskId!));
        var after = await client.GetTaskAsync(submitted.TaskId!);

        Assert.That(error.Category, Is.EqualTo(PoyoErrorCategory.RateLimited));
        Assert.That(error.StatusCode, Is.EqualTo(429));
        Assert.That(error.RetryAfter, Is.EqualTo(TimeSpan.FromSeconds(7)));
        Assert.That(after.Status, Is.EqualTo(PoyoTaskStatus.NotStarted));
    }

    [TestCase(500, false)]
    [TestCase(502, false)]
    [TestCase(503, false)]
    [TestCase(502, true)]
    [TestCase(504, true)]
    public async Task Server_errors_on_status_are_Server(int statusCode, bool htmlBody)
    {
        using var sandbox = PoyoSandbox.Start();
        using var client = ClientFor(sandbox);
        var submitted = await client.SubmitTaskAsync(Request());
        sandbox.RespondServerError(requests: 1, statusCode: statusCode, htmlBody: htmlBody);

        var error = await CatchAsync(() => client.GetTaskAsync(submitted.TaskId!));

        Assert.That(error.Category, Is.EqualTo(PoyoErrorCategory.Server));
        Assert.That(error.StatusCode, Is.EqualTo(statusCode));
        Assert.That(error.IsOutcomeUnknown, Is.False, "a status read is not paid");
    }

    [Test]
    public async Task A_server_error_on_submit_is_Server_with_the_outcome_unknown()
    {
        using var sandbox = PoyoSandbox.Start();
        using var client = ClientFor(sandbox);
        sandbox.RespondServerError(statusCode: 503);

        var error = await CatchAsync(() => client.SubmitTaskAsync(Request()));

        Assert.That(error.Category, Is.EqualTo(PoyoErrorCategory.Server));
        Assert.That(error.IsOutcomeUnknown, Is.True);
        Assert.That(sandbox.SubmitCount, Is.EqualTo(1), "the client does not retry a paid submit");
    }

    [Test]
    public async Task An_html_error_page_becomes_a_readable_message()
    {
        using var sandbox = PoyoSandbox.Start();
        using var client = ClientFor(sandbox);
        sandbox.RespondServerError(statusCode: 502, htmlBody: true);

        var error = await CatchAsync(() => client.GetTaskAsync("task-sandbox-x"));

        Assert.That(error.Message, Does.Contain("502 Bad gateway").And.Not.Contain("<html>"));
    }

    [Test]
    public async Task An_invalid_body_is_InvalidRequest()
    {
        using var sandbox = PoyoSandbox.Start();
        using var client = ClientFor(sandbox);

        var error = await CatchAsync(() => client.SubmitTaskAsync(Request(imageUrl: "https://x.test/picture.gif")));

        Assert.That(error.Category, Is.EqualTo(PoyoErrorCategory.InvalidRequest));
        Assert.That(sandbox.Tasks, Is.Empty);
    }

    [Test]
    public async Task An_unknown_task_is_NotFound()
    {
        using var sandbox = PoyoSandbox.Start();
        using var client = ClientFor(sandbox);

        var error = await CatchAsync(() => client.GetTaskAsync("task-that-never-was"));

        Assert.That(error.Category, Is.EqualTo(PoyoErrorCategory.NotFound));
        Assert.That(error.StatusCode, Is.EqualTo(404));
    }

    [Test]
    public async Task Hundreds_of_concurrent_flows_each_get_their_own_task()
    {
        const int Flows = 200;
        using var sandbox = PoyoSandbox.Start(new PoyoSandboxOptions { PollsPerStage = 1 });
        using var client = ClientFor(sandbox);
        for (var failing = 0; failing < 10; failing++)
        {
            sandbox.FailNextTask();
        }

        var results = await Task.WhenAll(Enumerable.Range(0, Flows).Select(async _ =>
        {
            var submitted = await client.SubmitTaskAsync(Request());
            return await SandboxPolling.PollUntilDoneAsync(client, submitted.TaskId!);
        }));

        Assert.That(results.Select(task => task.TaskId).Distinct().Count(), Is.EqualTo(Flows));
        Assert.That(results.Count(task => task.Status == PoyoTaskStatus.Failed), Is.EqualTo(10));
        Assert.That(results.Count(task => task.Status == PoyoTaskStatus.Finished), Is.EqualTo(Flows - 10));
        Assert.That(sandbox.SubmitCount, Is.EqualTo(Flows));
        Assert.That(sandbox.StatusPollCount, Is.EqualTo(Flows * 3));
        Assert.That(sandbox.Tasks.All(task => task.StatusPollCount == 3), Is.True);
    }

    private static async Task<PoyoException> CatchAsync(Func<Task> call)
    {
        try
        {
            await call();
        }
        catch (PoyoException exception)
        {
            return exception;
        }

        throw new AssertionException("Expected a PoyoException.");
    }
}
