using NUnit.Framework;
using Poyo.Cli.Output;
using Poyo.OpenApi;

namespace Poyo.Cli.Tests;

/// <summary>The category of a library failure decides the exit code (the process tests cover one case of each).</summary>
public sealed class ExitCodeMappingTests
{
    [TestCase(PoyoErrorCategory.Authentication, 401, 3)]
    [TestCase(PoyoErrorCategory.PermissionDenied, 403, 3)]
    [TestCase(PoyoErrorCategory.InsufficientCredits, 402, 4)]
    [TestCase(PoyoErrorCategory.InvalidRequest, 400, 5)]
    [TestCase(PoyoErrorCategory.ContentModeration, 400, 5)]
    [TestCase(PoyoErrorCategory.NotFound, 404, 5)]
    [TestCase(PoyoErrorCategory.RateLimited, 429, 5)]
    [TestCase(PoyoErrorCategory.Server, 503, 5)]
    [TestCase(PoyoErrorCategory.Network, null, 5)]
    [TestCase(PoyoErrorCategory.Timeout, null, 5)]
    [TestCase(PoyoErrorCategory.UnexpectedResponse, 200, 5)]
    [TestCase(PoyoErrorCategory.InvalidRequest, null, 2)]
    public void Each_category_has_its_exit_code(PoyoErrorCategory category, int? statusCode, int exitCode)
    {
        var error = new PoyoException(category, "failed", statusCode);

        Assert.That(ErrorReporter.ExitCodeOf(error), Is.EqualTo(exitCode));
    }

    [Test]
    public void A_wait_timeout_is_6_although_its_category_is_timeout()
    {
        var (exitCode, message) = ErrorReporter.Describe(new PoyoWaitTimeoutException("task-1", null, TimeSpan.FromSeconds(1)), null, CancellationToken.None);

        Assert.That(exitCode, Is.EqualTo(6));
        Assert.That(message, Does.Contain("poyo wait task-1"));
    }

    [Test]
    public void A_cancellation_not_caused_by_ctrl_c_is_not_130()
    {
        var (exitCode, _) = ErrorReporter.Describe(new OperationCanceledException(), "task-1", CancellationToken.None);

        Assert.That(exitCode, Is.Not.EqualTo(130));
    }

    [Test]
    public void Ctrl_C_during_a_submit_warns_that_the_task_may_exist()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        var (exitCode, message) = ErrorReporter.Describe(new OperationCanceledException(cancelled.Token), null, cancelled.Token, submitInFlight: true);

        Assert.That(exitCode, Is.EqualTo(130));
        Assert.That(message, Does.Contain("may have created"));
    }
}
