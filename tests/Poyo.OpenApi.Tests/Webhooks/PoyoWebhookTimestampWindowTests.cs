using System.Globalization;
using System.Text;
using NUnit.Framework;
using static Poyo.OpenApi.Tests.Webhooks.WebhookTestData;

namespace Poyo.OpenApi.Tests.Webhooks;

/// <summary>The ±300 s window, exactly at its edges, on a fake clock (nothing sleeps).</summary>
public class PoyoWebhookTimestampWindowTests
{
    private static readonly byte[] Key = Encoding.UTF8.GetBytes(Secret);

    /// <summary>Verifies a callback signed at <see cref="WebhookTestData.SentAt"/> when the clock reads SentAt + offset.</summary>
    private static PoyoWebhookFailure VerifyAtOffset(int offsetSeconds, TimeSpan? tolerance = null)
    {
        var verifier = Verifier(ClockAt(SentAt.AddSeconds(offsetSeconds)), tolerance: tolerance);
        verifier.TryVerify(Signature, Timestamp, EnvelopeBody, out _, out var failure);
        return failure;
    }

    [TestCase(0)]
    [TestCase(300)]
    [TestCase(-300)]
    [TestCase(299)]
    [TestCase(-299)]
    public void Within_300_seconds_either_way_is_accepted(int offset) =>
        Assert.That(VerifyAtOffset(offset), Is.EqualTo(PoyoWebhookFailure.None));

    [TestCase(301)]
    [TestCase(-301)]
    [TestCase(86_400)]
    [TestCase(-86_400)]
    public void Beyond_300_seconds_either_way_is_stale(int offset) =>
        Assert.That(VerifyAtOffset(offset), Is.EqualTo(PoyoWebhookFailure.StaleTimestamp));

    [Test]
    public void Clock_moving_on_makes_a_fresh_callback_stale()
    {
        var clock = ClockAt(SentAt);
        var verifier = Verifier(clock);

        clock.Advance(TimeSpan.FromSeconds(300));
        var atEdge = verifier.TryVerify(Signature, Timestamp, EnvelopeBody, out _, out _);
        clock.Advance(TimeSpan.FromSeconds(1));
        var pastEdge = verifier.TryVerify(Signature, Timestamp, EnvelopeBody, out _, out var failure);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(atEdge, Is.True);
            Assert.That(pastEdge, Is.False);
            Assert.That(failure, Is.EqualTo(PoyoWebhookFailure.StaleTimestamp));
        }
    }

    [Test]
    public void A_freshly_signed_timestamp_at_the_edge_is_accepted()
    {
        var now = SentAt.AddDays(10);
        var timestamp = now.AddSeconds(-300).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var signature = WebhookSignature.Compute(Key, TaskId, timestamp);

        var ok = Verifier(ClockAt(now)).TryVerify(signature, timestamp, EnvelopeBody, out var task, out _);

        Assert.That(ok, Is.True);
        Assert.That(task!.TaskId, Is.EqualTo(TaskId));
    }

    [TestCase(60, 60, PoyoWebhookFailure.None)]
    [TestCase(60, 61, PoyoWebhookFailure.StaleTimestamp)]
    [TestCase(0, 0, PoyoWebhookFailure.None)]
    [TestCase(0, 1, PoyoWebhookFailure.StaleTimestamp)]
    public void Tolerance_is_configurable(int toleranceSeconds, int offset, PoyoWebhookFailure expected) =>
        Assert.That(VerifyAtOffset(offset, TimeSpan.FromSeconds(toleranceSeconds)), Is.EqualTo(expected));

    [Test]
    public void Stale_message_says_how_far_off_and_which_way()
    {
        var verifier = Verifier(ClockAt(SentAt.AddSeconds(-400)));

        var exception = Assert.Throws<PoyoWebhookException>(() => verifier.Verify(Signature, Timestamp, EnvelopeBody))!;

        Assert.That(exception.Message, Does.Contain("400 s in the future").And.Contain("300 s"));
    }
}
