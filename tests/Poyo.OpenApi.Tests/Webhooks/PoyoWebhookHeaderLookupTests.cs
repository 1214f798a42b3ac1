using NUnit.Framework;
using static Poyo.OpenApi.Tests.Webhooks.WebhookTestData;

namespace Poyo.OpenApi.Tests.Webhooks;

public class PoyoWebhookHeaderLookupTests
{
    [Test]
    public void Header_names_are_PoYos()
    {
        Assert.That(PoyoWebhookHeaders.Signature, Is.EqualTo("X-Webhook-Signature"));
        Assert.That(PoyoWebhookHeaders.Timestamp, Is.EqualTo("X-Webhook-Timestamp"));
    }

    [Test]
    public void HttpRequestMessage_headers_fit_directly()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "https://example.test/poyo/callback");
        request.Headers.TryAddWithoutValidation("x-webhook-signature", Signature);
        request.Headers.TryAddWithoutValidation("X-WEBHOOK-TIMESTAMP", Timestamp);

        var task = Verifier().Verify(request.Headers, EnvelopeBody);

        Assert.That(task.TaskId, Is.EqualTo(TaskId));
    }

    [Test]
    public void Function_lookup_fits_any_stack()
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["X-Webhook-Signature"] = FailedSignature,
            ["X-Webhook-Timestamp"] = Timestamp,
        };

        var ok = Verifier().TryVerify(name => headers.GetValueOrDefault(name), BareBody, out var task, out _);

        Assert.That(ok, Is.True);
        Assert.That(task!.TaskId, Is.EqualTo(FailedTaskId));
    }

    [Test]
    public void Absent_headers_are_missing_failures()
    {
        using var request = new HttpRequestMessage();
        var verifier = Verifier();

        verifier.TryVerify(request.Headers, EnvelopeBody, out _, out var noSignature);
        request.Headers.TryAddWithoutValidation(PoyoWebhookHeaders.Signature, Signature);
        verifier.TryVerify(request.Headers, EnvelopeBody, out _, out var noTimestamp);

        Assert.That(noSignature, Is.EqualTo(PoyoWebhookFailure.MissingSignature));
        Assert.That(noTimestamp, Is.EqualTo(PoyoWebhookFailure.MissingTimestamp));
    }

    [Test]
    public void A_repeated_header_is_not_silently_resolved()
    {
        var headers = new[]
        {
            KeyValuePair.Create<string, IEnumerable<string>>(PoyoWebhookHeaders.Signature, [Signature]),
            KeyValuePair.Create<string, IEnumerable<string>>(PoyoWebhookHeaders.Signature, [Signature]),
            KeyValuePair.Create<string, IEnumerable<string>>(PoyoWebhookHeaders.Timestamp, [Timestamp]),
        };

        var ok = Verifier().TryVerify(headers, EnvelopeBody, out _, out var failure);

        Assert.That(ok, Is.False);
        Assert.That(failure, Is.EqualTo(PoyoWebhookFailure.InvalidSignature));
    }

    [Test]
    public void Throwing_overloads_reject_null_lookups()
    {
        var verifier = Verifier();
        Assert.That(() => verifier.Verify((Func<string, string?>)null!, EnvelopeBody), Throws.ArgumentNullException);
        Assert.That(() => verifier.Verify((IEnumerable<KeyValuePair<string, IEnumerable<string>>>)null!, EnvelopeBody), Throws.ArgumentNullException);
    }
}
