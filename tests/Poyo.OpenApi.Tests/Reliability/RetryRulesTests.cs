using System.Net.Http;
using NUnit.Framework;

namespace Poyo.OpenApi.Tests.Reliability;

/// <summary>Which failures each request kind may retry.</summary>
[TestFixture]
public class RetryRulesTests
{
    private static readonly TimeSpan Cap = TimeSpan.FromSeconds(30);

    [TestCase(HttpRequestError.ConnectionError, true)]
    [TestCase(HttpRequestError.NameResolutionError, true)]
    [TestCase(HttpRequestError.SecureConnectionError, false)]
    [TestCase(HttpRequestError.ResponseEnded, false)]
    [TestCase(HttpRequestError.Unknown, false)]
    public void A_paid_submit_retries_only_what_was_proven_not_sent(HttpRequestError cause, bool retried)
    {
        var factory = new PoyoErrorFactory("k", TimeProvider.System);
        var error = factory.FromTransport(new HttpRequestException(cause, "boom"), "submit a task", isSubmit: true);

        Assert.That(RetryRules.MayRetry(PoyoRequestKind.PaidSubmit, error, Cap), Is.EqualTo(retried));
        Assert.That(RetryRules.MayRetry(PoyoRequestKind.Read, error, Cap), Is.True, "a read retries every network error");
        Assert.That(RetryRules.MayRetry(PoyoRequestKind.Write, error, Cap), Is.False, "a write is never retried");
    }

    [TestCase(PoyoErrorCategory.Server, true)]
    [TestCase(PoyoErrorCategory.RateLimited, true)]
    [TestCase(PoyoErrorCategory.Timeout, true)]
    [TestCase(PoyoErrorCategory.Network, true)]
    [TestCase(PoyoErrorCategory.UnexpectedResponse, false)]
    [TestCase(PoyoErrorCategory.InvalidRequest, false)]
    [TestCase(PoyoErrorCategory.Authentication, false)]
    [TestCase(PoyoErrorCategory.NotFound, false)]
    [TestCase(PoyoErrorCategory.InsufficientCredits, false)]
    public void A_read_retries_transient_categories_only(PoyoErrorCategory category, bool retried)
    {
        var error = new PoyoException(category, "x");

        Assert.That(RetryRules.MayRetry(PoyoRequestKind.Read, error, Cap), Is.EqualTo(retried));
        Assert.That(RetryRules.MayRetry(PoyoRequestKind.PaidSubmit, error, Cap), Is.False, "an answer to a submit is never retried");
    }

    [Test]
    public void A_write_gets_no_retry_pipeline_and_a_client_with_retries_off_gets_none_at_all()
    {
        var logger = Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;
        var pipelines = new RetryPipelines(new PoyoRetryOptions(), TimeProvider.System, logger);
        var off = new RetryPipelines(new PoyoRetryOptions { MaxRetries = 0 }, TimeProvider.System, logger);

        Assert.That(pipelines.For(PoyoRequestKind.Write), Is.SameAs(Polly.ResiliencePipeline.Empty));
        Assert.That(pipelines.For(PoyoRequestKind.Read), Is.Not.SameAs(Polly.ResiliencePipeline.Empty));
        Assert.That(off.For(PoyoRequestKind.Read), Is.SameAs(Polly.ResiliencePipeline.Empty));
        Assert.That(off.For(PoyoRequestKind.PaidSubmit), Is.SameAs(Polly.ResiliencePipeline.Empty));
    }

    [Test]
    public void A_server_error_on_a_submit_is_never_retried()
    {
        var error = new PoyoException(PoyoErrorCategory.Server, "x", 503) { IsOutcomeUnknown = true };

        Assert.That(RetryRules.MayRetry(PoyoRequestKind.PaidSubmit, error, Cap), Is.False);
    }

    [Test]
    public void A_retry_after_over_the_cap_is_not_retried()
    {
        var error = new PoyoException(PoyoErrorCategory.RateLimited, "x", 429) { RetryAfter = Cap + TimeSpan.FromSeconds(1) };

        Assert.That(RetryRules.MayRetry(PoyoRequestKind.Read, error, Cap), Is.False);
    }
}
