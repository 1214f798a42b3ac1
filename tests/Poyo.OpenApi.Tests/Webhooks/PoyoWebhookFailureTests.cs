using NUnit.Framework;
using static Poyo.OpenApi.Tests.Webhooks.WebhookTestData;

namespace Poyo.OpenApi.Tests.Webhooks;

public class PoyoWebhookFailureTests
{
    private static PoyoWebhookFailure FailureOf(string? signature, string? timestamp, string body)
    {
        var verifier = Verifier();
        var thrown = Assert.Throws<PoyoWebhookException>(() => verifier.Verify(signature, timestamp, body))!;
        var ok = verifier.TryVerify(signature, timestamp, body, out var task, out var failure);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(ok, Is.False);
            Assert.That(task, Is.Null);
            Assert.That(failure, Is.EqualTo(thrown.Failure), "TryVerify and Verify agree");
            Assert.That(thrown.Message, Is.Not.Empty);
        }

        return failure;
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("   ")]
    public void Missing_signature(string? signature) =>
        Assert.That(FailureOf(signature, Timestamp, EnvelopeBody), Is.EqualTo(PoyoWebhookFailure.MissingSignature));

    [TestCase(null)]
    [TestCase("")]
    [TestCase(" \t")]
    public void Missing_timestamp(string? timestamp) =>
        Assert.That(FailureOf(Signature, timestamp, EnvelopeBody), Is.EqualTo(PoyoWebhookFailure.MissingTimestamp));

    [Test]
    public void Missing_signature_is_reported_before_a_missing_timestamp() =>
        Assert.That(FailureOf(null, null, "not json"), Is.EqualTo(PoyoWebhookFailure.MissingSignature));

    [TestCase("abc")]
    [TestCase("1783680000.5")]
    [TestCase("+1783680000")]
    [TestCase("-1783680000")]
    [TestCase("1783680000 ")]
    [TestCase("1,783,680,000")]
    [TestCase("2025-11-12T10:30:00Z")]
    [TestCase("99999999999999999999999")]
    [TestCase("1783680000000000")]
    public void Invalid_timestamp(string timestamp) =>
        Assert.That(FailureOf(Signature, timestamp, EnvelopeBody), Is.EqualTo(PoyoWebhookFailure.InvalidTimestamp));

    [Test]
    public void Timestamp_in_milliseconds_is_out_of_range() =>
        Assert.That(FailureOf(Signature, "1783680000000", EnvelopeBody), Is.EqualTo(PoyoWebhookFailure.InvalidTimestamp));

    [Test]
    public void Stale_timestamp_is_reported_before_the_body_is_parsed() =>
        Assert.That(FailureOf(Signature, "1783600000", "not json"), Is.EqualTo(PoyoWebhookFailure.StaleTimestamp));

    [TestCase("")]
    [TestCase("not json")]
    [TestCase("{\"task_id\":")]
    [TestCase("[]")]
    [TestCase("\"task-unified-1757165031-uyujaw3d\"")]
    [TestCase("null")]
    [TestCase("{}")]
    [TestCase("{\"code\":200,\"data\":{\"status\":\"finished\"}}")]
    [TestCase("{\"task_id\":null}")]
    [TestCase("{\"task_id\":\"\"}")]
    [TestCase("{\"task_id\":42}")]
    [TestCase("{\"task_id\":\"task-unified-1757165031-uyujaw3d\"} trailing")]
    public void Malformed_body(string body) =>
        Assert.That(FailureOf(Signature, Timestamp, body), Is.EqualTo(PoyoWebhookFailure.MalformedBody));

    [Test]
    public void Body_with_a_wrongly_typed_field_is_malformed_even_when_signed()
    {
        var body = """{"task_id":"task-unified-1757165031-uyujaw3d","status":"finished","progress":"lots"}""";
        Assert.That(FailureOf(Signature, Timestamp, body), Is.EqualTo(PoyoWebhookFailure.MalformedBody));
    }

    [Test]
    public void Tampered_task_id_fails_the_signature()
    {
        // Signed for ...uyujaw3d; the body now claims ...uyujaw3e.
        var body = EnvelopeBody.Replace("uyujaw3d", "uyujaw3e", StringComparison.Ordinal);
        Assert.That(FailureOf(Signature, Timestamp, body), Is.EqualTo(PoyoWebhookFailure.InvalidSignature));
    }

    [Test]
    public void Tampered_timestamp_fails_the_signature() =>
        Assert.That(FailureOf(Signature, "1783680001", EnvelopeBody), Is.EqualTo(PoyoWebhookFailure.InvalidSignature));

    [Test]
    public void Wrong_secret_fails_the_signature()
    {
        var verifier = Verifier(secret: Secret + "x");
        Assert.That(verifier.TryVerify(Signature, Timestamp, EnvelopeBody, out _, out var failure), Is.False);
        Assert.That(failure, Is.EqualTo(PoyoWebhookFailure.InvalidSignature));
    }

    [Test]
    public void Signature_of_another_task_fails() =>
        Assert.That(FailureOf(FailedSignature, Timestamp, EnvelopeBody), Is.EqualTo(PoyoWebhookFailure.InvalidSignature));

    [TestCase("dBvmWPh/n74bMNf8Qxp1Aq7c0h3WBXuigQZrlf8fHug")] // padding dropped
    [TestCase("dBvmWPh_n74bMNf8Qxp1Aq7c0h3WBXuigQZrlf8fHug=")] // base64url alphabet
    [TestCase("dBvmWPh/n74bMNf8 Qxp1Aq7c0h3WBXuigQZrlf8fHug=")] // embedded space
    [TestCase("dBvmWPh/n74bMNf8\nQxp1Aq7c0h3WBXuigQZrlf8fHug=")] // embedded newline
    [TestCase("dBvmWPh/n74bMNf8Qxp1Aq7c0h3WBXuigQZrlf8fHug==")] // too long
    [TestCase("!!!not-base64!!!")]
    [TestCase("=")]
    [TestCase("sha256=dBvmWPh/n74bMNf8Qxp1Aq7c0h3WBXuigQZrlf8fHug=")]
    [TestCase("741be658f87f9fbe1b30d7fc431a7502aedcd21dd6057ba281066b95ff1f1ee8")] // hex of the right HMAC
    [TestCase("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=")] // right length, wrong bytes
    [TestCase("dBvmWPh/n74bMNf8Qxp1Aq7c0h3WBXuigQZrlf8fHug=, dBvmWPh/n74bMNf8Qxp1Aq7c0h3WBXuigQZrlf8fHug=")] // repeated header
    public void Malformed_or_wrong_signature_is_invalid_not_a_crash(string signature) =>
        Assert.That(FailureOf(signature, Timestamp, EnvelopeBody), Is.EqualTo(PoyoWebhookFailure.InvalidSignature));
}
