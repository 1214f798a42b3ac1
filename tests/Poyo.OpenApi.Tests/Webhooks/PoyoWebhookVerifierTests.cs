using NUnit.Framework;
using static Poyo.OpenApi.Tests.Webhooks.WebhookTestData;

namespace Poyo.OpenApi.Tests.Webhooks;

public class PoyoWebhookVerifierTests
{
    [Test]
    public void Signature_matches_the_independently_computed_vector()
    {
        Assert.That(WebhookSignature.Compute(System.Text.Encoding.UTF8.GetBytes(Secret), TaskId, Timestamp), Is.EqualTo(Signature));
        Assert.That(WebhookSignature.Compute(System.Text.Encoding.UTF8.GetBytes(Secret), FailedTaskId, Timestamp), Is.EqualTo(FailedSignature));
    }

    [Test]
    public void Secret_and_task_id_are_used_as_UTF8()
    {
        var verifier = Verifier(secret: Utf8Secret);

        var task = verifier.Verify(Utf8Signature, Timestamp, """{"task_id":"tâche-42","status":"finished"}""");

        Assert.That(task.TaskId, Is.EqualTo(Utf8TaskId));
    }

    [Test]
    public void Envelope_body_is_verified_and_read_like_a_status_body()
    {
        var task = Verifier().Verify(Signature, Timestamp, EnvelopeBody);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(task.TaskId, Is.EqualTo(TaskId));
            Assert.That(task.Status, Is.EqualTo(PoyoTaskStatus.Finished));
            Assert.That(task.Progress, Is.EqualTo(100));
            Assert.That(task.OutputFiles.Single().FileUrl, Is.EqualTo(new Uri("https://storage.poyo.ai/generated/video.mp4")));
            Assert.That(task.OutputFiles.Single().FileType, Is.EqualTo("video"));
            Assert.That(task.CreatedTime, Is.EqualTo(new DateTimeOffset(2025, 11, 12, 10, 30, 0, TimeSpan.Zero)));
            Assert.That(task.CreditsAmount, Is.EqualTo(12.5));
            Assert.That(task.ErrorMessage, Is.Null);
        }
    }

    [Test]
    public void Bare_task_body_is_verified_and_read()
    {
        var task = Verifier().Verify(FailedSignature, Timestamp, BareBody);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(task.TaskId, Is.EqualTo(FailedTaskId));
            Assert.That(task.Status.IsFailure, Is.True);
            Assert.That(task.OutputFiles, Is.Empty);
            Assert.That(task.ErrorMessage, Is.EqualTo("The prompt violates our content policy"));
            Assert.That(task.CreatedTime, Is.EqualTo(new DateTimeOffset(2025, 11, 25, 8, 50, 13, TimeSpan.Zero).AddTicks(1234560)));
        }
    }

    [Test]
    public void Envelope_task_id_wins_over_a_top_level_one()
    {
        var body = """{"task_id":"someone-else","data":{"task_id":"task-unified-1757165031-uyujaw3d","status":"finished"}}""";

        var task = Verifier().Verify(Signature, Timestamp, body);

        Assert.That(task.TaskId, Is.EqualTo(TaskId));
    }

    [Test]
    public void Top_level_task_id_and_status_are_used_when_the_envelope_lacks_them()
    {
        var body = """{"code":200,"task_id":"task-unified-1757165031-uyujaw3d","status":"finished","data":{"progress":100}}""";

        var task = Verifier().Verify(Signature, Timestamp, body);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(task.TaskId, Is.EqualTo(TaskId));
            Assert.That(task.RawStatus, Is.EqualTo("finished"));
            Assert.That(task.Progress, Is.EqualTo(100));
        }
    }

    [Test]
    public void Unknown_fields_and_statuses_are_kept_not_rejected()
    {
        var body = """{"task_id":"8FDN1I7M7Q68DDG8","status":"success","finished_time":"2025-11-25T08:51:00","extra":{"a":1}}""";

        var task = Verifier().Verify(FailedSignature, Timestamp, body);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(task.RawStatus, Is.EqualTo("success"));
            Assert.That(task.Status.IsKnown, Is.False);
            Assert.That(task.AdditionalProperties.Keys, Is.SupersetOf(new[] { "finished_time", "extra" }));
        }
    }

    [Test]
    public void Signature_with_surrounding_spaces_is_accepted()
    {
        var task = Verifier().Verify("  " + Signature + " ", Timestamp, EnvelopeBody);

        Assert.That(task.TaskId, Is.EqualTo(TaskId));
    }

    [Test]
    public void TryVerify_returns_the_task_and_no_failure()
    {
        var ok = Verifier().TryVerify(Signature, Timestamp, EnvelopeBody, out var task, out var failure);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(ok, Is.True);
            Assert.That(task!.TaskId, Is.EqualTo(TaskId));
            Assert.That(failure, Is.EqualTo(PoyoWebhookFailure.None));
        }
    }

    [Test]
    public void Null_body_is_a_programming_error()
    {
        Assert.That(() => Verifier().Verify(Signature, Timestamp, null!), Throws.ArgumentNullException);
        Assert.That(() => Verifier().TryVerify(Signature, Timestamp, null!, out _, out _), Throws.ArgumentNullException);
    }

    [Test]
    public void Constructor_rejects_an_empty_secret_and_a_negative_tolerance()
    {
        Assert.That(() => new PoyoWebhookVerifier(" "), Throws.ArgumentException);
        Assert.That(() => new PoyoWebhookVerifier(null!), Throws.ArgumentException);
        Assert.That(
            () => new PoyoWebhookVerifier(Secret, new PoyoWebhookOptions { Tolerance = TimeSpan.FromSeconds(-1) }),
            Throws.InstanceOf<ArgumentOutOfRangeException>());
    }

    [Test]
    public void Defaults_are_300_seconds_and_the_system_clock()
    {
        var options = new PoyoWebhookOptions();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(options.Tolerance, Is.EqualTo(TimeSpan.FromSeconds(300)));
            Assert.That(options.TimeProvider, Is.SameAs(TimeProvider.System));
            Assert.That(new PoyoWebhookVerifier(Secret).Tolerance, Is.EqualTo(TimeSpan.FromSeconds(300)));
        }
    }
}
