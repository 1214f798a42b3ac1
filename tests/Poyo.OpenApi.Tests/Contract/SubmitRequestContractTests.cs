using Newtonsoft.Json.Linq;
using NUnit.Framework;
using Poyo.OpenApi.Tests.Support;
using WireMock.Server;

namespace Poyo.OpenApi.Tests.Contract;

/// <summary>The exact bytes a submit puts on the wire: method, path, headers, JSON names and values, omitted nulls.</summary>
public sealed class SubmitRequestContractTests
{
    private const string Submitted = """{"code":200,"data":{"task_id":"task-unified-1757165031-uyujaw3d","status":"not_started","created_time":"2025-11-12T10:30:00"}}""";
    private WireMockServer _server = null!;

    [SetUp]
    public void StartServer()
    {
        _server = LoopbackWireMock.Start();
        _server.StubSubmit(200, Submitted);
    }

    [TearDown]
    public void StopServer() => _server.Dispose();

    [Test]
    public async Task A_minimal_request_sends_only_the_set_fields_in_snake_case()
    {
        using var client = TestRequests.ClientFor(_server.Url!);

        await client.SubmitTaskAsync(TestRequests.MinimalRequest());

        var sent = _server.Requests().Single();
        Assert.That(sent.Method, Is.EqualTo("POST"));
        Assert.That(sent.Path, Is.EqualTo("/api/generate/submit"));
        var expected = JObject.Parse($$$"""
            {"model":"kling-3.0-motion-control",
             "input":{"image_urls":["{{{TestRequests.ImageUrl}}}"],"video_urls":["{{{TestRequests.VideoUrl}}}"],"character_orientation":"image"}}
            """);
        Assert.That(JToken.DeepEquals(JObject.Parse(sent.Body!), expected), Is.True, sent.Body);
    }

    [Test]
    public async Task Every_field_keeps_its_documented_wire_name_and_value()
    {
        using var client = TestRequests.ClientFor(_server.Url!);
        var input = new KlingMotionControlInput(new Uri(TestRequests.ImageUrl), new Uri(TestRequests.VideoUrl), CharacterOrientation.Video)
        {
            Prompt = "@Element1 dances",
            Resolution = Resolution.Hd1080,
            KlingElements =
            [
                new KlingElement
                {
                    FrontalImageUrl = new Uri("https://cdn.example/front.webp"),
                    ReferenceImageUrls = [new Uri("https://cdn.example/side.jpg")],
                },
            ],
        };

        await client.SubmitTaskAsync(new SubmitTaskRequest(input, new Uri("https://your-domain.com/callback")));

        var expected = JObject.Parse($$$"""
            {"model":"kling-3.0-motion-control",
             "callback_url":"https://your-domain.com/callback",
             "input":{"image_urls":["{{{TestRequests.ImageUrl}}}"],"video_urls":["{{{TestRequests.VideoUrl}}}"],
                      "character_orientation":"video","prompt":"@Element1 dances","resolution":"1080p",
                      "kling_elements":[{"frontal_image_url":"https://cdn.example/front.webp","reference_image_urls":["https://cdn.example/side.jpg"]}]}}
            """);
        var body = _server.Requests().Single().Body!;
        Assert.That(JToken.DeepEquals(JObject.Parse(body), expected), Is.True, body);
    }

    [Test]
    public async Task Consecutive_submits_each_send_exactly_their_own_utf8_body()
    {
        // The client reuses one text buffer per thread for request bodies: a long body must not leak into a shorter
        // next one, and text outside ASCII (a surrogate pair too) must arrive as UTF-8 with a matching Content-Length.
        using var client = TestRequests.ClientFor(_server.Url!);
        var longInput = new KlingMotionControlInput(new Uri(TestRequests.ImageUrl), new Uri(TestRequests.VideoUrl), CharacterOrientation.Video)
        {
            Prompt = new string('x', 2000) + " 日本 é \U0001F600",
        };

        await client.SubmitTaskAsync(new SubmitTaskRequest(longInput));
        await client.SubmitTaskAsync(TestRequests.MinimalRequest());

        var sent = _server.Requests().ToList();
        var first = JObject.Parse(sent[0].Body!);
        Assert.That(first["input"]!["prompt"]!.Value<string>(), Is.EqualTo(longInput.Prompt));
        Assert.That(long.Parse(sent[0].Headers!["Content-Length"].Single(), System.Globalization.CultureInfo.InvariantCulture), Is.EqualTo(System.Text.Encoding.UTF8.GetByteCount(sent[0].Body!)));
        var expected = JObject.Parse($$$"""
            {"model":"kling-3.0-motion-control",
             "input":{"image_urls":["{{{TestRequests.ImageUrl}}}"],"video_urls":["{{{TestRequests.VideoUrl}}}"],"character_orientation":"image"}}
            """);
        Assert.That(JToken.DeepEquals(JObject.Parse(sent[1].Body!), expected), Is.True, sent[1].Body);
        Assert.That(sent[1].Headers!["Content-Type"].Single(), Is.EqualTo("application/json"));
    }

    [Test]
    public async Task Headers_carry_the_bearer_key_json_content_type_and_an_idempotency_key()
    {
        using var client = TestRequests.ClientFor(_server.Url!);
        var request = TestRequests.MinimalRequest();

        await client.SubmitTaskAsync(request);

        var headers = _server.Requests().Single().Headers!;
        Assert.That(headers["Authorization"].Single(), Is.EqualTo("Bearer " + TestRequests.ApiKey));
        Assert.That(headers["Content-Type"].Single(), Does.StartWith("application/json"));
        Assert.That(headers["Accept"].Single(), Is.EqualTo("application/json"));
        Assert.That(headers["Idempotency-Key"].Single(), Is.EqualTo(request.IdempotencyKey));
        Assert.That(headers["User-Agent"].Single(), Does.StartWith("Poyo.OpenApi/"));
    }

    [Test]
    public async Task Sending_the_same_request_object_again_reuses_its_idempotency_key()
    {
        using var client = TestRequests.ClientFor(_server.Url!);
        var request = TestRequests.MinimalRequest();

        await client.SubmitTaskAsync(request);
        await client.SubmitTaskAsync(request);
        await client.SubmitTaskAsync(TestRequests.MinimalRequest());

        var keys = _server.Requests().Select(request => request.Headers!["Idempotency-Key"].Single()).ToList();
        Assert.That(keys[0], Is.EqualTo(keys[1]));
        Assert.That(keys[2], Is.Not.EqualTo(keys[0]));
    }

    [Test]
    public async Task The_docs_submit_response_parses_into_the_task_id_status_and_utc_time()
    {
        using var client = TestRequests.ClientFor(_server.Url!);

        var task = await client.SubmitTaskAsync(TestRequests.MinimalRequest());

        Assert.That(task.TaskId, Is.EqualTo("task-unified-1757165031-uyujaw3d"));
        Assert.That(task.Status, Is.EqualTo(PoyoTaskStatus.NotStarted));
        Assert.That(task.CreatedTime, Is.EqualTo(new DateTimeOffset(2025, 11, 12, 10, 30, 0, TimeSpan.Zero)));
        Assert.That(task.CreatedTime!.Value.Offset, Is.EqualTo(TimeSpan.Zero));
    }

    [Test]
    public async Task Without_an_api_key_nothing_is_sent_and_the_error_says_how_to_set_one()
    {
        var previous = Environment.GetEnvironmentVariable(PoyoClientOptions.ApiKeyEnvironmentVariable);
        Environment.SetEnvironmentVariable(PoyoClientOptions.ApiKeyEnvironmentVariable, null);
        try
        {
            using var client = TestRequests.ClientFor(_server.Url!, apiKey: null);

            var error = await Expect.PoyoErrorAsync(() => client.SubmitTaskAsync(TestRequests.MinimalRequest()));

            Assert.That(error.Category, Is.EqualTo(PoyoErrorCategory.Authentication));
            Assert.That(error.Message, Does.Contain("POYO_API_KEY"));
            Assert.That(_server.LogEntries, Is.Empty);
        }
        finally
        {
            Environment.SetEnvironmentVariable(PoyoClientOptions.ApiKeyEnvironmentVariable, previous);
        }
    }
}
