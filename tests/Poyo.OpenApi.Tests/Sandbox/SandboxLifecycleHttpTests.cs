using System.Globalization;
using System.Net;
using NUnit.Framework;
using Poyo.OpenApi.Testing;

namespace Poyo.OpenApi.Tests.Sandbox;

/// <summary>The sandbox's wire behaviour on the happy path and its 4xx answers, over raw HTTP.</summary>
public class SandboxLifecycleHttpTests
{
    [Test]
    public void Starts_on_loopback_with_a_free_port_and_the_default_key()
    {
        using var sandbox = PoyoSandbox.Start();

        Assert.That(sandbox.Url.Host, Is.EqualTo("127.0.0.1"));
        Assert.That(sandbox.Url.Port, Is.GreaterThan(0));
        Assert.That(sandbox.Url.AbsolutePath, Is.EqualTo("/"));
        Assert.That(sandbox.ApiKey, Is.EqualTo("sandbox-key"));
        Assert.That(sandbox.Server.IsStarted, Is.True);
    }

    [Test]
    public void Two_sandboxes_get_different_ports()
    {
        using var first = PoyoSandbox.Start();
        using var second = PoyoSandbox.Start();

        Assert.That(first.Url.Port, Is.Not.EqualTo(second.Url.Port));
    }

    [Test]
    public async Task Submit_answers_the_documented_envelope()
    {
        using var sandbox = PoyoSandbox.Start();
        using var http = SandboxHttp.Client(sandbox);

        using var response = await http.SubmitAsync(SandboxHttp.ValidBody());
        var json = await response.JsonAsync();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/json"));
        Assert.That((int)json["code"]!, Is.EqualTo(200));
        var data = json["data"]!;
        Assert.That((string)data["task_id"]!, Does.StartWith("task-sandbox-"));
        Assert.That((string)data["status"]!, Is.EqualTo("not_started"));
        Assert.That((string)data["created_time"]!, Does.Match(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$"));
        Assert.That(sandbox.SubmitCount, Is.EqualTo(1));
        Assert.That(sandbox.Tasks.Select(task => task.TaskId), Is.EqualTo(new[] { (string)data["task_id"]! }));
    }

    [Test]
    public async Task Status_walks_not_started_running_finished_with_the_default_pacing()
    {
        using var sandbox = PoyoSandbox.Start();
        using var http = SandboxHttp.Client(sandbox);
        var taskId = await http.SubmitValidAsync();

        var seen = new List<(string Status, int Progress, int Files)>();
        for (var poll = 0; poll < 5; poll++)
        {
            var data = await http.PollAsync(taskId);
            seen.Add(((string)data["status"]!, (int)data["progress"]!, data["files"]!.AsArray().Count));
        }

        Assert.That(seen, Is.EqualTo(new[]
        {
            ("not_started", 0, 0),
            ("not_started", 0, 0),
            ("running", 33, 0),
            ("running", 66, 0),
            ("finished", 100, 1),
        }));
        Assert.That(sandbox.FindTask(taskId)!.StatusPollCount, Is.EqualTo(5));
        Assert.That(sandbox.StatusPollCount, Is.EqualTo(5));
    }

    [Test]
    public async Task A_finished_task_reports_its_video_credits_and_no_error()
    {
        using var sandbox = PoyoSandbox.Start(new PoyoSandboxOptions { PollsPerStage = 1, CreditsPerTask = 42 });
        using var http = SandboxHttp.Client(sandbox);
        var taskId = await http.SubmitValidAsync();

        await http.PollAsync(taskId);
        var running = await http.PollAsync(taskId);
        var finished = await http.PollAsync(taskId);

        Assert.That((int)running["progress"]!, Is.EqualTo(50));
        Assert.That((double)running["credits_amount"]!, Is.Zero);
        Assert.That((string)finished["status"]!, Is.EqualTo("finished"));
        Assert.That((string)finished["task_id"]!, Is.EqualTo(taskId));
        Assert.That(finished["error_message"], Is.Null);
        Assert.That((double)finished["credits_amount"]!, Is.EqualTo(42));
        var file = finished["files"]![0]!;
        Assert.That((string)file["file_type"]!, Is.EqualTo("video"));
        Assert.That((string)file["file_url"]!, Is.EqualTo(new Uri(sandbox.Url, $"files/{taskId}.mp4").AbsoluteUri));
    }

    [Test]
    public async Task The_output_file_is_served_once_the_task_has_finished()
    {
        using var sandbox = PoyoSandbox.Start(new PoyoSandboxOptions { PollsPerStage = 1 });
        using var http = SandboxHttp.Client(sandbox);
        var taskId = await http.SubmitValidAsync();
        var fileUrl = sandbox.OutputFileUrl(taskId);

        using var early = await http.GetAsync(fileUrl);
        for (var poll = 0; poll < 3; poll++)
        {
            await http.PollAsync(taskId);
        }

        using var ready = await http.GetAsync(fileUrl);

        Assert.That(early.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(ready.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(ready.Content.Headers.ContentType?.MediaType, Is.EqualTo("video/mp4"));
        Assert.That(await ready.Content.ReadAsStringAsync(), Does.Contain(taskId));
    }

    [Test]
    public async Task A_custom_output_base_is_used_for_file_urls()
    {
        using var sandbox = PoyoSandbox.Start(new PoyoSandboxOptions
        {
            PollsPerStage = 1,
            OutputBaseUrl = new Uri("https://storage.example.test/generated"),
        });
        using var http = SandboxHttp.Client(sandbox);
        var taskId = await http.SubmitValidAsync();

        System.Text.Json.Nodes.JsonObject last = null!;
        for (var poll = 0; poll < 3; poll++)
        {
            last = await http.PollAsync(taskId);
        }

        Assert.That((string)last["files"]![0]!["file_url"]!, Is.EqualTo($"https://storage.example.test/generated/{taskId}.mp4"));
    }

    [Test]
    public async Task Created_time_comes_from_the_sandbox_clock_in_utc()
    {
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2025, 11, 12, 12, 30, 0, TimeSpan.FromHours(2)));
        using var sandbox = PoyoSandbox.Start(new PoyoSandboxOptions { TimeProvider = clock });
        using var http = SandboxHttp.Client(sandbox);

        var taskId = await http.SubmitValidAsync();
        var data = await http.PollAsync(taskId);

        Assert.That((string)data["created_time"]!, Is.EqualTo("2025-11-12T10:30:00"));
        Assert.That(sandbox.FindTask(taskId)!.CreatedAt, Is.EqualTo(DateTimeOffset.Parse("2025-11-12T10:30:00Z", CultureInfo.InvariantCulture)));
    }

    [Test]
    public async Task A_wrong_key_gets_401_with_the_authentication_envelope()
    {
        using var sandbox = PoyoSandbox.Start();
        using var http = SandboxHttp.Client(sandbox, apiKey: "not-the-key");

        using var submit = await http.SubmitAsync(SandboxHttp.ValidBody());
        using var status = await http.StatusAsync("task-sandbox-anything");

        foreach (var response in new[] { submit, status })
        {
            var json = await response.JsonAsync();
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(json.ToJsonString(), Is.EqualTo("""{"code":401,"error":{"message":"Invalid API key","type":"authentication_error"}}"""));
        }

        Assert.That(sandbox.Tasks, Is.Empty);
    }

    [Test]
    public async Task A_missing_authorization_header_gets_401()
    {
        using var sandbox = PoyoSandbox.Start();
        using var http = new HttpClient { BaseAddress = sandbox.Url };

        using var response = await http.SubmitAsync(SandboxHttp.ValidBody());

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task A_custom_key_is_the_only_one_accepted()
    {
        using var sandbox = PoyoSandbox.Start(new PoyoSandboxOptions { ApiKey = "my-key" });
        using var right = SandboxHttp.Client(sandbox);
        using var wrong = SandboxHttp.Client(sandbox, PoyoSandboxOptions.DefaultApiKey);

        using var accepted = await right.SubmitAsync(SandboxHttp.ValidBody());
        using var refused = await wrong.SubmitAsync(SandboxHttp.ValidBody());

        Assert.That(sandbox.ApiKey, Is.EqualTo("my-key"));
        Assert.That(accepted.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task An_unknown_task_id_gets_404_with_the_error_envelope()
    {
        using var sandbox = PoyoSandbox.Start();
        using var http = SandboxHttp.Client(sandbox);

        using var response = await http.StatusAsync("task unknown/1");
        var json = await response.JsonAsync();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That((int)json["code"]!, Is.EqualTo(404));
        Assert.That((string)json["error"]!["type"]!, Is.EqualTo("not_found_error"));
        Assert.That((string)json["error"]!["message"]!, Does.Contain("task unknown/1"), "the id is URL-decoded");
    }

    [Test]
    public async Task An_empty_task_id_gets_400_task_id_is_required()
    {
        using var sandbox = PoyoSandbox.Start();
        using var http = SandboxHttp.Client(sandbox);

        using var response = await http.GetAsync("api/generate/status/");
        var json = await response.JsonAsync();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That((string)json["error"]!["message"]!, Is.EqualTo("task_id is required"));
        Assert.That((string)json["error"]!["type"]!, Is.EqualTo("validation_error"));
    }

    [Test]
    public async Task Unknown_paths_get_a_404_envelope()
    {
        using var sandbox = PoyoSandbox.Start();
        using var http = SandboxHttp.Client(sandbox);

        using var response = await http.GetAsync("api/user/info");
        var json = await response.JsonAsync();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That((int)json["code"]!, Is.EqualTo(404));
    }

    [Test]
    public async Task A_reused_idempotency_key_returns_the_same_task()
    {
        using var sandbox = PoyoSandbox.Start();
        using var http = SandboxHttp.Client(sandbox);

        using var first = await http.SubmitAsync(SandboxHttp.ValidBody(), idempotencyKey: "key-1");
        using var again = await http.SubmitAsync(SandboxHttp.ValidBody(), idempotencyKey: "key-1");
        using var other = await http.SubmitAsync(SandboxHttp.ValidBody(), idempotencyKey: "key-2");
        var firstId = (string)(await first.JsonAsync())["data"]!["task_id"]!;
        var againId = (string)(await again.JsonAsync())["data"]!["task_id"]!;
        var otherId = (string)(await other.JsonAsync())["data"]!["task_id"]!;

        Assert.That(againId, Is.EqualTo(firstId));
        Assert.That(otherId, Is.Not.EqualTo(firstId));
        Assert.That(sandbox.SubmitCount, Is.EqualTo(3));
        Assert.That(sandbox.Tasks, Has.Count.EqualTo(2));
        Assert.That(sandbox.FindTask(firstId)!.SubmitCount, Is.EqualTo(2));
        Assert.That(sandbox.FindTask(firstId)!.IdempotencyKey, Is.EqualTo("key-1"));
    }

    [Test]
    public async Task Idempotency_keys_can_be_ignored()
    {
        using var sandbox = PoyoSandbox.Start(new PoyoSandboxOptions { HonourIdempotencyKey = false });
        using var http = SandboxHttp.Client(sandbox);

        using var first = await http.SubmitAsync(SandboxHttp.ValidBody(), idempotencyKey: "key-1");
        using var again = await http.SubmitAsync(SandboxHttp.ValidBody(), idempotencyKey: "key-1");

        Assert.That(sandbox.Tasks, Has.Count.EqualTo(2));
    }

    [Test]
    public async Task The_task_keeps_the_request_body_as_received()
    {
        using var sandbox = PoyoSandbox.Start();
        using var http = SandboxHttp.Client(sandbox);
        var body = SandboxHttp.ValidBody().ToJsonString();

        using var response = await http.SubmitRawAsync(body);
        var taskId = (string)(await response.JsonAsync())["data"]!["task_id"]!;

        Assert.That(sandbox.FindTask(taskId)!.RequestBody, Is.EqualTo(body));
        Assert.That(sandbox.FindTask("task-never-created"), Is.Null);
    }
}
