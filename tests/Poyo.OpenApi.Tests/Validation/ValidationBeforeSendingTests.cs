using NUnit.Framework;
using Poyo.OpenApi.Tests.Support;
using WireMock.Server;

namespace Poyo.OpenApi.Tests.Validation;

/// <summary>The client validates before every submit: invalid input raises one exception listing every failure, and nothing is sent.</summary>
public sealed class ValidationBeforeSendingTests
{
    private WireMockServer _server = null!;

    [SetUp]
    public void Start()
    {
        _server = LoopbackWireMock.Start();
        _server.StubSubmit(200, """{"code":200,"data":{"task_id":"t1","status":"not_started","created_time":"2025-11-12T10:30:00"}}""");
    }

    [TearDown]
    public void Stop() => _server.Dispose();

    private static SubmitTaskRequest Invalid() =>
        new(new KlingMotionControlInput(new Uri("https://cdn.example/a.gif"), new Uri("https://cdn.example/v.avi"), CharacterOrientation.Image));

    [Test]
    public async Task Invalid_input_sends_zero_requests_and_lists_every_failure()
    {
        using var client = TestRequests.ClientFor(_server.Url!);

        var error = await Expect.ThrowsAsync<PoyoValidationException>(() => client.SubmitTaskAsync(Invalid()));

        Assert.That(_server.LogEntries, Is.Empty);
        Assert.That(error.Category, Is.EqualTo(PoyoErrorCategory.InvalidRequest));
        Assert.That(error.Failures.Select(f => f.ToString()), Is.EqualTo(new[]
        {
            "input.image_urls[0]: must be a .jpg, .jpeg or .png file (got .gif)",
            "input.video_urls[0]: must be an .mp4 or .mov file (got .avi)",
        }));
        Assert.That(error.Message, Does.Contain("nothing was sent").And.Contain("input.video_urls[0]: must be an .mp4 or .mov file (got .avi)"));
    }

    [Test]
    public async Task Validation_can_be_skipped_only_by_an_explicit_option()
    {
        using var client = new PoyoClient(new PoyoClientOptions { ApiKey = TestRequests.ApiKey, BaseUrl = new Uri(_server.Url!), ValidateRequests = false });

        var task = await client.SubmitTaskAsync(Invalid());

        Assert.That(task.TaskId, Is.EqualTo("t1"));
        Assert.That(_server.LogEntries, Has.Count.EqualTo(1));
    }
}
