using NUnit.Framework;
using static Poyo.OpenApi.Tests.Webhooks.WebhookTestData;

namespace Poyo.OpenApi.Tests.Webhooks;

/// <summary>The webhook secret, and the signature it would produce, never leave the verifier.</summary>
public class PoyoWebhookSecretRedactionTests
{
    private const string DistinctiveSecret = "whsec_DO-NOT-LEAK_8c1f";

    [Test]
    public void ToString_leaves_the_secret_out()
    {
        var verifier = Verifier(secret: DistinctiveSecret);

        Assert.That(verifier.ToString(), Does.Not.Contain(DistinctiveSecret).And.Contain("[redacted]"));
        Assert.That(new PoyoWebhookOptions().ToString(), Does.Contain("300"));
    }

    [TestCase(null, Timestamp, EnvelopeBody)]
    [TestCase(Signature, null, EnvelopeBody)]
    [TestCase(Signature, "later", EnvelopeBody)]
    [TestCase(Signature, "1783000000", EnvelopeBody)]
    [TestCase(Signature, Timestamp, "{ not json")]
    [TestCase(Signature, Timestamp, EnvelopeBody)]
    [TestCase("%%%", Timestamp, EnvelopeBody)]
    public void No_failure_reveals_the_secret_or_the_expected_signature(string? signature, string? timestamp, string body)
    {
        var verifier = Verifier(secret: DistinctiveSecret);
        var expected = WebhookSignature.Compute(System.Text.Encoding.UTF8.GetBytes(DistinctiveSecret), TaskId, Timestamp);

        var exception = Assert.Throws<PoyoWebhookException>(() => verifier.Verify(signature, timestamp, body))!;
        var everything = exception.ToString() + exception.InnerException;

        Assert.That(everything, Does.Not.Contain(DistinctiveSecret).And.Not.Contain(expected));
    }

    [Test]
    public void An_empty_secret_is_refused_without_echoing_it()
    {
        var exception = Assert.Throws<ArgumentException>(() => _ = new PoyoWebhookVerifier("   "))!;

        Assert.That(exception.Message, Does.Contain("empty"));
    }
}
