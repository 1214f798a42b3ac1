using NUnit.Framework;
using Poyo.Cli.Waiting;
using Poyo.OpenApi;

namespace Poyo.Cli.Tests;

/// <summary>How --timeout and --poll-interval become the library's waiting policy.</summary>
public sealed class WaitSettingsTests
{
    [TestCase(0.05)]
    [TestCase(2)]
    [TestCase(10)]
    public void Poll_interval_caps_every_interval_even_after_jitter(double capSeconds)
    {
        var cap = TimeSpan.FromSeconds(capSeconds);

        var options = new WaitSettings(null, cap).ToOptions(embeddedSandbox: false);

        options.Validate();
        var longestAfterJitter = options.MaxPollInterval * (1 + options.JitterRatio);
        Assert.That(longestAfterJitter, Is.LessThanOrEqualTo(cap + TimeSpan.FromTicks(1)));
        Assert.That(options.PollInterval, Is.LessThanOrEqualTo(options.MaxPollInterval));
        Assert.That(options.InitialDelay, Is.LessThanOrEqualTo(options.MaxPollInterval));
    }

    [Test]
    public void Without_options_the_library_defaults_apply_against_PoYo()
    {
        var options = new WaitSettings(null, null).ToOptions(embeddedSandbox: false);

        var library = new PoyoWaitOptions();
        Assert.That(options.Timeout, Is.EqualTo(library.Timeout));
        Assert.That(options.MaxPollInterval, Is.EqualTo(library.MaxPollInterval));
        Assert.That(options.InitialDelay, Is.EqualTo(library.InitialDelay));
    }

    [Test]
    public void Timeout_is_the_overall_wait()
    {
        var options = new WaitSettings(TimeSpan.FromSeconds(90), null).ToOptions(embeddedSandbox: false);

        Assert.That(options.Timeout, Is.EqualTo(TimeSpan.FromSeconds(90)));
    }

    [Test]
    public void The_embedded_sandbox_is_polled_fast_by_default()
    {
        var options = new WaitSettings(null, null).ToOptions(embeddedSandbox: true);

        Assert.That(options.MaxPollInterval, Is.LessThanOrEqualTo(TimeSpan.FromSeconds(1)));
    }
}
