using System.Net;
using NUnit.Framework;

namespace Poyo.OpenApi.Tests.Preflight;

/// <summary>The image checks (HEAD, or a ranged GET when HEAD is refused) against WireMock on 127.0.0.1.</summary>
public sealed class PoyoPreflightImageTests : IDisposable
{
    private readonly RangeFileServer _server = RangeFileServer.Start();
    private readonly HttpClient _http = new();

    public void Dispose()
    {
        _http.Dispose();
        _server.Dispose();
    }

    private static byte[] Png => File.ReadAllBytes(Path.Combine(TestContext.CurrentContext.TestDirectory, "Fixtures", "Image", "red-16x16.png"));

    [Test]
    public async Task A_real_png_passes_with_one_HEAD_and_no_body_read()
    {
        var check = await CheckImage(_server.Serve("/red.png", Png, "image/png"));

        Assert.That(check.Outcome, Is.EqualTo(PreflightOutcome.Passed), check.Message);
        Assert.That(check.ContentType, Is.EqualTo("image/png"));
        Assert.That(check.ContentLength, Is.EqualTo(Png.Length));
        Assert.That(check.BytesRead, Is.Zero);
        Assert.That(check.Duration, Is.Null);
        Assert.That(_server.Log("/red.png").Select(s => s.Method), Is.EqualTo(new[] { "HEAD" }));
    }

    [Test]
    public async Task When_HEAD_is_refused_a_ranged_GET_of_one_byte_tells_the_size()
    {
        var check = await CheckImage(_server.Serve("/nohead.jpg", new byte[300_000], "image/jpeg", RangeMode.RefuseHead));

        Assert.That(check.Outcome, Is.EqualTo(PreflightOutcome.Passed), check.Message);
        Assert.That(check.ContentLength, Is.EqualTo(300_000));
        Assert.That(check.StatusCode, Is.EqualTo(HttpStatusCode.PartialContent));
        var log = _server.Log("/nohead.jpg");
        Assert.That(log.Select(s => (s.Method, s.Status, s.Count)), Is.EqualTo(new[] { ("HEAD", 405, 0), ("GET", 206, 1) }));
        Assert.That(check.BytesRead, Is.Zero, "the one-byte body is not even read");
    }

    [Test]
    public async Task An_image_over_10_MB_fails()
    {
        var file = new VirtualFile(11L * 1024 * 1024);

        var check = await CheckImage(_server.Serve("/big.jpg", file, "image/jpeg"));

        Assert.That(check.Outcome, Is.EqualTo(PreflightOutcome.Failed));
        Assert.That(check.Message, Does.Contain("11 MiB").And.Contain("at most 10 MiB"));
        Assert.That(check.BytesRead, Is.Zero);
    }

    [Test]
    public async Task The_image_size_limit_is_configurable()
    {
        var options = new PoyoPreflightOptions { MaxImageBytes = 10_000_000 };

        var check = await CheckImage(_server.Serve("/10mib.png", new VirtualFile(10L * 1024 * 1024), "image/png"), options);

        Assert.That(check.Outcome, Is.EqualTo(PreflightOutcome.Failed));
    }

    [Test]
    public async Task A_404_fails_with_the_status()
    {
        var check = await CheckImage(_server.ServeStatus("/missing.png", 404));

        Assert.That(check.Outcome, Is.EqualTo(PreflightOutcome.Failed));
        Assert.That(check.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(check.Message, Does.Contain("HTTP 404"));
    }

    [Test]
    public async Task A_403_on_HEAD_and_GET_fails_as_not_public()
    {
        var check = await CheckImage(_server.ServeStatus("/private.png", 403));

        Assert.That(check.Outcome, Is.EqualTo(PreflightOutcome.Failed));
        Assert.That(check.Message, Does.Contain("HTTP 403").And.Contain("not public"));
    }

    [Test]
    public async Task An_html_page_fails_as_a_web_page()
    {
        var check = await CheckImage(_server.ServeStatus("/share", 200, "text/html; charset=utf-8", "<html><body>photo</body></html>"));

        Assert.That(check.Outcome, Is.EqualTo(PreflightOutcome.Failed));
        Assert.That(check.ContentType, Is.EqualTo("text/html"));
        Assert.That(check.Message, Does.Contain("returns a web page (text/html), not a file"));
    }

    [Test]
    public async Task Webp_fails_as_the_reference_image_but_passes_as_an_element_image()
    {
        var url = _server.Serve("/subject.webp", new byte[2048], "image/webp");
        var input = PreflightInputs.ImageOnly(url, CharacterOrientation.Video);
        input.KlingElements = [new KlingElement { FrontalImageUrl = url, ReferenceImageUrls = [url] }];

        var report = await new PoyoPreflight(_http).CheckAsync(input, CancellationToken.None);

        Assert.That(report.Checks.Select(c => (c.Field, c.Kind, c.Outcome)), Is.EqualTo(new[]
        {
            ("image_urls[0]", PreflightInputKind.Image, PreflightOutcome.Failed),
            ("kling_elements[0].frontal_image_url", PreflightInputKind.ElementImage, PreflightOutcome.Passed),
            ("kling_elements[0].reference_image_urls[0]", PreflightInputKind.ElementImage, PreflightOutcome.Passed),
        }));
        Assert.That(report.Checks[0].Message, Does.Contain("image/webp").And.Contain("JPEG or PNG"));
    }

    [TestCase(null)]
    [TestCase("application/octet-stream")]
    public async Task A_missing_or_generic_content_type_is_plausible(string? contentType)
    {
        var check = await CheckImage(_server.Serve("/blob", Png, contentType));

        Assert.That(check.Outcome, Is.EqualTo(PreflightOutcome.Passed), check.Message);
        Assert.That(check.Message, Does.Contain("plausible"));
    }

    [Test]
    public async Task A_server_that_hides_the_size_gives_could_not_check()
    {
        // Neither the HEAD (WireMock sends no Content-Length for this fixed body) nor anything else tells the size.
        var url = _server.ServeStatus("/nosize.png", 200, "image/png", "not really a png");

        var check = await CheckImage(url);

        Assert.That(check.Outcome, Is.EqualTo(PreflightOutcome.CouldNotCheck), check.Message);
        Assert.That(check.Message, Does.Contain("did not tell the file size"));
    }

    private async Task<PreflightCheck> CheckImage(Uri url, PoyoPreflightOptions? options = null)
    {
        var input = PreflightInputs.ImageOnly(url, CharacterOrientation.Image);

        var report = await new PoyoPreflight(_http, options).CheckAsync(input, CancellationToken.None);

        Assert.That(report.Checks, Has.Count.EqualTo(1));
        var check = report.Checks[0];
        Assert.That(check.Kind, Is.EqualTo(PreflightInputKind.Image));
        TestContext.Out.WriteLine(check.ToString());
        return check;
    }
}
