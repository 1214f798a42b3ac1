using Microsoft.Extensions.Time.Testing;
using NUnit.Framework;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Settings;
using static Poyo.OpenApi.Tests.Webhooks.WebhookTestData;

namespace Poyo.OpenApi.Tests.Webhooks;

/// <summary>Verify-then-reconcile against a local stub of <c>GET /api/generate/status/{id}</c>.</summary>
public sealed class PoyoWebhookReconcileTests : IDisposable
{
    private const string StatusPath = "/api/generate/status/" + TaskId;

    private readonly WireMockServer _server = WireMockServer.Start(new WireMockServerSettings { Urls = ["http://127.0.0.1:0"] });
    private readonly PoyoClient _client;

    public PoyoWebhookReconcileTests()
    {
        _client = new PoyoClient(new PoyoClientOptions
        {
            ApiKey = "test-key",
            BaseUrl = new Uri(_server.Url!),
            TimeProvider = new FakeTimeProvider(SentAt),
        });
    }

    public void Dispose()
    {
        _client.Dispose();
        _server.Stop();
        _server.Dispose();
    }

    private void StubStatus(string body, int statusCode = 200) =>
        _server
            .Given(Request.Create().WithPath(StatusPath).UsingGet())
            .RespondWith(Response.Create().WithStatusCode(statusCode).WithHeader("Content-Type", "application/json").WithBody(body));

    [Test]
    public async Task Returns_the_servers_view_not_the_unsigned_body()
    {
        // The callback body (unsigned) carries a URL an attacker could have swapped; the server has the real one.
        StubStatus("""
            {"code":200,"data":{"task_id":"task-unified-1757165031-uyujaw3d","status":"finished","progress":100,
             "files":[{"file_url":"https://storage.poyo.ai/generated/real.mp4","file_type":"video"}],
             "created_time":"2025-11-12T10:30:00","error_message":null}}
            """);
        var forgedBody = EnvelopeBody.Replace("generated/video.mp4", "evil.example/x.mp4", StringComparison.Ordinal);

        var task = await Verifier().VerifyAndReconcileAsync(_client, Signature, Timestamp, forgedBody);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(task.TaskId, Is.EqualTo(TaskId));
            Assert.That(task.Status, Is.EqualTo(PoyoTaskStatus.Finished));
            Assert.That(task.OutputFiles.Single().FileUrl, Is.EqualTo(new Uri("https://storage.poyo.ai/generated/real.mp4")));
        }

        var request = _server.LogEntries.Single().RequestMessage!;
        Assert.That(request.Path, Is.EqualTo(StatusPath));
        Assert.That(request.Headers!["Authorization"].Single(), Is.EqualTo("Bearer test-key"));
    }

    [Test]
    public async Task Header_lookup_overload_reconciles_too()
    {
        StubStatus("""{"code":200,"data":{"task_id":"task-unified-1757165031-uyujaw3d","status":"running","progress":40}}""");
        var headers = new Dictionary<string, string> { [PoyoWebhookHeaders.Signature] = Signature, [PoyoWebhookHeaders.Timestamp] = Timestamp };

        var task = await Verifier().VerifyAndReconcileAsync(_client, headers.GetValueOrDefault, EnvelopeBody);

        Assert.That(task.Status, Is.EqualTo(PoyoTaskStatus.Running), "the server's status wins over the body's 'finished'");
        Assert.That(task.Progress, Is.EqualTo(40));
    }

    [Test]
    public async Task A_bad_signature_sends_nothing()
    {
        StubStatus("""{"code":200,"data":{"task_id":"x","status":"finished"}}""");

        var exception = (await Assert.ThrowsAsync<PoyoWebhookException>(
            () => Verifier().VerifyAndReconcileAsync(_client, FailedSignature, Timestamp, EnvelopeBody)))!;

        Assert.That(exception.Failure, Is.EqualTo(PoyoWebhookFailure.InvalidSignature));
        Assert.That(_server.LogEntries, Is.Empty);
    }

    [Test]
    public async Task A_failed_status_read_surfaces_as_PoyoException()
    {
        StubStatus("""{"code":404,"error":{"message":"task not found","type":"not_found_error"}}""", statusCode: 404);

        var exception = (await Assert.ThrowsAsync<PoyoException>(
            () => Verifier().VerifyAndReconcileAsync(_client, Signature, Timestamp, EnvelopeBody)))!;

        Assert.That(exception.Category, Is.EqualTo(PoyoErrorCategory.NotFound));
    }

    [Test]
    public void Null_client_is_rejected()
    {
        Assert.That(
            () => Verifier().VerifyAndReconcileAsync(null!, Signature, Timestamp, EnvelopeBody),
            Throws.ArgumentNullException);
    }
}
