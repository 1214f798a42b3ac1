using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Time.Testing;
using NUnit.Framework;
using static Poyo.OpenApi.Tests.Preflight.Mp4Builder;

namespace Poyo.OpenApi.Tests.Preflight;

/// <summary>The contract of <see cref="PoyoPreflight"/>: what throws, what never does, the report.</summary>
public sealed class PoyoPreflightApiTests : IDisposable
{
    private readonly RangeFileServer _server = RangeFileServer.Start();
    private readonly HttpClient _http = new();

    public void Dispose()
    {
        _http.Dispose();
        _server.Dispose();
    }

    [Test]
    public async Task A_whole_input_gives_one_check_per_url_in_order()
    {
        var png = File.ReadAllBytes(Path.Combine(TestContext.CurrentContext.TestDirectory, "Fixtures", "Image", "red-16x16.png"));
        var image = _server.Serve("/i.png", png, "image/png");
        var video = _server.Serve("/v.mp4", Fixture("clip-12s.mp4"), "video/mp4");
        var input = new KlingMotionControlInput(image, video, CharacterOrientation.Video)
        {
            KlingElements = [new KlingElement { FrontalImageUrl = image, ReferenceImageUrls = [image, image] }],
        };

        var report = await new PoyoPreflight(_http).CheckAsync(input, CancellationToken.None);

        Assert.That(report.Checks.Select(c => c.Field), Is.EqualTo(new[]
        {
            "image_urls[0]", "video_urls[0]", "kling_elements[0].frontal_image_url",
            "kling_elements[0].reference_image_urls[0]", "kling_elements[0].reference_image_urls[1]",
        }));
        Assert.That(report.IsSuccess, Is.True, report.ToString());
        Assert.That(report.HasFailures, Is.False);
        Assert.That(report.Failures, Is.Empty);
        Assert.That(report.Checks[1].Duration, Is.EqualTo(TimeSpan.FromSeconds(12)));
        Assert.That(report.TotalBytesRead, Is.EqualTo(report.Checks[1].BytesRead));
        TestContext.Out.WriteLine(report.ToString());
    }

    [Test]
    public async Task The_report_sorts_failures_from_could_not_check()
    {
        var input = new KlingMotionControlInput(
            _server.ServeStatus("/404.png", 404),
            _server.Serve("/norange.mp4", Fixture("clip-4s.mov"), "video/quicktime", RangeMode.Ignore),
            CharacterOrientation.Image);

        var report = await new PoyoPreflight(_http).CheckAsync(input, CancellationToken.None);

        Assert.That(report.IsSuccess, Is.False);
        Assert.That(report.HasFailures, Is.True);
        Assert.That(report.Failures.Select(c => c.Field), Is.EqualTo(new[] { "image_urls[0]" }));
        Assert.That(report.NotChecked.Select(c => c.Field), Is.EqualTo(new[] { "video_urls[0]" }));
    }

    [Test]
    public async Task A_connection_refused_fails_as_unreachable()
    {
        var check = await CheckOneVideo(new Uri($"http://127.0.0.1:{ClosedLoopbackPort()}/v.mp4"));

        Assert.That(check.Outcome, Is.EqualTo(PreflightOutcome.Failed));
        Assert.That(check.Message, Does.StartWith("The URL cannot be reached"));
        Assert.That(check.StatusCode, Is.Null);
        Assert.That(check.BytesRead, Is.Zero);
    }

    [TestCase("ftp://127.0.0.1/v.mp4")]
    [TestCase("/relative/v.mp4")]
    public async Task A_url_that_is_not_absolute_http_fails_without_a_request(string url)
    {
        var check = await CheckOneVideo(new Uri(url, UriKind.RelativeOrAbsolute));

        Assert.That(check.Outcome, Is.EqualTo(PreflightOutcome.Failed));
        Assert.That(check.Message, Does.Contain("not an absolute http(s) URL"));
    }

    [Test]
    public async Task A_null_url_in_a_list_fails_without_a_request()
    {
        var input = PreflightInputs.VideoOnly(null!, CharacterOrientation.Image);

        var report = await new PoyoPreflight(_http).CheckAsync(input, CancellationToken.None);

        Assert.That(report.Checks.Single().Outcome, Is.EqualTo(PreflightOutcome.Failed));
        Assert.That(report.Checks.Single().Message, Is.EqualTo("No URL given."));
    }

    [Test]
    public void Null_arguments_throw_ArgumentNullException()
    {
        Assert.That(() => new PoyoPreflight(null!), Throws.ArgumentNullException);
        Assert.That(async () => await new PoyoPreflight(_http).CheckAsync(null!, CancellationToken.None), Throws.ArgumentNullException);
    }

    [Test]
    public void Impossible_options_throw_at_construction()
    {
        Assert.That(() => new PoyoPreflight(_http, new PoyoPreflightOptions { Timeout = TimeSpan.Zero }), Throws.InstanceOf<ArgumentOutOfRangeException>());
        Assert.That(() => new PoyoPreflight(_http, new PoyoPreflightOptions { ReadBudgetBytes = 0 }), Throws.InstanceOf<ArgumentOutOfRangeException>());
    }

    [Test]
    public async Task Cancellation_by_the_caller_throws_OperationCanceledException()
    {
        using var handler = new StallingHandler();
        using var http = new HttpClient(handler);
        using var cts = new CancellationTokenSource();
        var input = PreflightInputs.VideoOnly(new Uri("http://127.0.0.1:9/v.mp4"), CharacterOrientation.Image);

        var task = new PoyoPreflight(http).CheckAsync(input, cts.Token);
        await handler.Entered.Task;
        await cts.CancelAsync();

        Assert.That(async () => await task, Throws.InstanceOf<OperationCanceledException>());
    }

    [Test]
    public async Task A_server_that_never_answers_times_out_as_could_not_check_on_a_fake_clock()
    {
        var clock = new FakeTimeProvider();
        using var handler = new StallingHandler();
        using var http = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
        var options = new PoyoPreflightOptions { Timeout = TimeSpan.FromSeconds(5), TimeProvider = clock };
        var input = PreflightInputs.VideoOnly(new Uri("http://127.0.0.1:9/v.mp4"), CharacterOrientation.Image);

        var task = new PoyoPreflight(http, options).CheckAsync(input, CancellationToken.None);
        await handler.Entered.Task;
        clock.Advance(TimeSpan.FromSeconds(5));
        var report = await task;

        var check = report.Checks.Single();
        Assert.That(check.Outcome, Is.EqualTo(PreflightOutcome.CouldNotCheck));
        Assert.That(check.Message, Does.Contain("did not answer within 5 s"));
    }

    private async Task<PreflightCheck> CheckOneVideo(Uri url)
    {
        var input = PreflightInputs.VideoOnly(url, CharacterOrientation.Image);
        var report = await new PoyoPreflight(_http).CheckAsync(input, CancellationToken.None);
        TestContext.Out.WriteLine(report.ToString());
        return report.Checks.Single();
    }

    /// <summary>A loopback port nothing listens on: bound, then released.</summary>
    private static int ClosedLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    /// <summary>Never answers; tells when a request arrived.</summary>
    private sealed class StallingHandler : HttpMessageHandler
    {
        public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Entered.TrySetResult();
            await Task.Delay(Timeout.Infinite, cancellationToken);
            throw new InvalidOperationException("unreachable");
        }
    }
}
