using System.Net;
using NUnit.Framework;
using static Poyo.OpenApi.Tests.Preflight.Mp4Builder;

namespace Poyo.OpenApi.Tests.Preflight;

/// <summary>The video check end to end: WireMock on 127.0.0.1 serving real fixtures and hand-made files with ranges.</summary>
public sealed class PoyoPreflightVideoTests : IDisposable
{
    private const int Window = 1024;
    private readonly RangeFileServer _server = RangeFileServer.Start();
    private readonly HttpClient _http = new();

    public void Dispose()
    {
        _http.Dispose();
        _server.Dispose();
    }

    [TestCase("clip-4s-moov-at-end.mp4", "video/mp4", CharacterOrientation.Image, 4.0)]
    [TestCase("clip-4s-faststart.mp4", "video/mp4", CharacterOrientation.Image, 4.0)]
    [TestCase("clip-4s.mov", "video/quicktime", CharacterOrientation.Image, 4.0)]
    [TestCase("clip-12s.mp4", "video/mp4", CharacterOrientation.Video, 12.0)]
    public async Task A_fixture_within_the_limits_passes_reading_a_few_kilobytes(
        string fixture, string contentType, CharacterOrientation orientation, double seconds)
    {
        var bytes = Fixture(fixture);

        var check = await CheckVideo(_server.Serve("/v/" + fixture, bytes, contentType), orientation);

        Assert.That(check.Outcome, Is.EqualTo(PreflightOutcome.Passed), check.Message);
        Assert.That(check.Duration, Is.EqualTo(TimeSpan.FromSeconds(seconds)));
        Assert.That(check.ContentLength, Is.EqualTo(bytes.Length));
        Assert.That(check.ContentType, Is.EqualTo(contentType));
        Assert.That(check.StatusCode, Is.EqualTo(HttpStatusCode.PartialContent));
        AssertBytesRead(check, "/v/" + fixture, bytes.Length, maxRequests: 2);
        Assert.That(check.BytesRead, Is.LessThan(bytes.Length / 10), "less than 10% of the file");
    }

    [Test]
    public async Task Moov_at_the_start_costs_one_request()
    {
        var bytes = Fixture("clip-4s-faststart.mp4");

        var check = await CheckVideo(_server.Serve("/fast.mp4", bytes, "video/mp4"), CharacterOrientation.Image);

        Assert.That(check.Outcome, Is.EqualTo(PreflightOutcome.Passed), check.Message);
        Assert.That(_server.Log("/fast.mp4"), Has.Count.EqualTo(1));
        Assert.That(check.BytesRead, Is.EqualTo(Window));
    }

    [Test]
    public async Task Moov_at_the_end_skips_mdat_and_fetches_only_the_head_and_the_tail()
    {
        var bytes = Fixture("clip-4s-moov-at-end.mp4"); // ftyp@0, free@32, mdat@40 (28,880 bytes), moov@28,920

        var check = await CheckVideo(_server.Serve("/end.mp4", bytes, "video/mp4"), CharacterOrientation.Image);

        Assert.That(check.Outcome, Is.EqualTo(PreflightOutcome.Passed), check.Message);
        var log = _server.Log("/end.mp4");
        Assert.That(log.Select(s => (s.From, s.Count)), Is.EqualTo(new[] { (0L, Window), (28_920L, bytes.Length - 28_920) }));
        Assert.That(check.BytesRead, Is.EqualTo(Window + bytes.Length - 28_920));
    }

    [Test]
    public async Task A_12_s_video_is_too_long_for_orientation_image()
    {
        var bytes = Fixture("clip-12s.mp4");

        var check = await CheckVideo(_server.Serve("/12s.mp4", bytes, "video/mp4"), CharacterOrientation.Image);

        Assert.That(check.Outcome, Is.EqualTo(PreflightOutcome.Failed));
        Assert.That(check.Duration, Is.EqualTo(TimeSpan.FromSeconds(12)));
        Assert.That(check.Message, Does.Contain("12 s").And.Contain("at most 10 s").And.Contain("'video' (up to 30 s)"));
        AssertBytesRead(check, "/12s.mp4", bytes.Length, maxRequests: 2);
    }

    [TestCase(CharacterOrientation.Image)]
    [TestCase(CharacterOrientation.Video)]
    public async Task A_35_s_video_is_too_long_for_either_orientation(CharacterOrientation orientation)
    {
        var bytes = Fixture("clip-35s.mp4");

        var check = await CheckVideo(_server.Serve("/35s.mp4", bytes, "video/mp4"), orientation);

        Assert.That(check.Outcome, Is.EqualTo(PreflightOutcome.Failed));
        Assert.That(check.Duration, Is.EqualTo(TimeSpan.FromSeconds(35)));
        Assert.That(check.Message, Does.Contain("35 s").And.Contain(orientation == CharacterOrientation.Image ? "at most 10 s" : "at most 30 s"));
        AssertBytesRead(check, "/35s.mp4", bytes.Length, maxRequests: 2);
        Assert.That(check.BytesRead, Is.LessThan(bytes.Length / 10));
    }

    [Test]
    public async Task A_2_s_video_is_too_short()
    {
        var bytes = Fixture("clip-2s.mp4");

        var check = await CheckVideo(_server.Serve("/2s.mp4", bytes, "video/mp4"), CharacterOrientation.Video);

        Assert.That(check.Outcome, Is.EqualTo(PreflightOutcome.Failed));
        Assert.That(check.Duration, Is.EqualTo(TimeSpan.FromSeconds(2)));
        Assert.That(check.Message, Does.Contain("at least 3 s"));
        AssertBytesRead(check, "/2s.mp4", bytes.Length, maxRequests: 2);
    }

    [Test]
    public async Task Moov_after_a_60_MB_mdat_is_found_without_fetching_any_mdat_byte()
    {
        const long mdatPayload = 60L * 1024 * 1024;
        var file = VirtualFile.WithLargeMdat(mdatPayload, Box("moov", MvhdV1(1000, 8_000UL)));
        const long mdatStart = 48; // ftyp (32) + 64-bit mdat header (16)

        var check = await CheckVideo(_server.Serve("/big.mp4", file, "video/mp4"), CharacterOrientation.Image);

        Assert.That(check.Outcome, Is.EqualTo(PreflightOutcome.Passed), check.Message);
        Assert.That(check.Duration, Is.EqualTo(TimeSpan.FromSeconds(8)));
        Assert.That(check.ContentLength, Is.EqualTo(file.Length));
        foreach (var served in _server.Log("/big.mp4"))
        {
            // The first window runs into mdat's first bytes (read-ahead); nothing past it is ever served.
            Assert.That(served.From + served.Count <= Window || served.From >= mdatStart + mdatPayload, Is.True,
                $"served {served.Count} bytes at {served.From}, inside mdat");
        }

        Assert.That(_server.BytesServed("/big.mp4"), Is.EqualTo(check.BytesRead));
        Assert.That(check.BytesRead, Is.LessThanOrEqualTo(2 * Window));
        TestContext.Out.WriteLine($"/big.mp4: {file.Length:N0} bytes, read {check.BytesRead}");
    }

    [Test]
    public async Task A_server_that_ignores_Range_gives_could_not_check_without_reading_the_body()
    {
        var bytes = Fixture("clip-4s-moov-at-end.mp4");

        var check = await CheckVideo(_server.Serve("/norange.mp4", bytes, "video/mp4", RangeMode.Ignore), CharacterOrientation.Image);

        Assert.That(check.Outcome, Is.EqualTo(PreflightOutcome.CouldNotCheck));
        Assert.That(check.Message, Does.Contain("ignores HTTP range requests"));
        Assert.That(check.Duration, Is.Null);
        Assert.That(check.ContentLength, Is.EqualTo(bytes.Length), "WireMock sends the 200 chunked; HEAD tells the size");
        Assert.That(check.BytesRead, Is.Zero, "the whole body the server started sending was not read");
        Assert.That(_server.Log("/norange.mp4").Select(s => s.Method), Is.EqualTo(new[] { "GET", "HEAD" }));
    }

    [Test]
    public async Task A_video_over_100_MB_fails_and_its_duration_is_still_reported()
    {
        var file = VirtualFile.WithLargeMdat(101L * 1024 * 1024, Box("moov", MvhdV0(1000, 5000)));
        var check = await CheckVideo(_server.Serve("/huge.mp4", file, "video/mp4"), CharacterOrientation.Image);

        Assert.That(check.Outcome, Is.EqualTo(PreflightOutcome.Failed));
        Assert.That(check.Message, Does.Contain("PoYo accepts at most 100 MiB"));
        Assert.That(check.Duration, Is.EqualTo(TimeSpan.FromSeconds(5)), "the duration is still read and reported");
        Assert.That(check.BytesRead, Is.LessThanOrEqualTo(2 * Window));
    }

    [Test]
    public async Task A_truncated_real_file_gives_could_not_check()
    {
        var bytes = Fixture("clip-4s-moov-at-end.mp4");
        var cut = bytes.AsSpan(0, 20_000).ToArray();

        var check = await CheckVideo(_server.Serve("/cut.mp4", cut, "video/mp4"), CharacterOrientation.Image);

        Assert.That(check.Outcome, Is.EqualTo(PreflightOutcome.CouldNotCheck));
        Assert.That(check.Message, Does.Contain("Could not read the duration").And.Contain("cut off"));
        Assert.That(check.BytesRead, Is.EqualTo(Window));
    }

    [Test]
    public async Task A_file_without_moov_gives_could_not_check()
    {
        var file = Concat(Ftyp(), Box("free", new byte[8]), Box("mdat", new byte[5000]));

        var check = await CheckVideo(_server.Serve("/nomoov.mp4", file, "video/mp4"), CharacterOrientation.Image);

        Assert.That(check.Outcome, Is.EqualTo(PreflightOutcome.CouldNotCheck));
        Assert.That(check.Message, Does.Contain("without a 'moov' box"));
        Assert.That(check.BytesRead, Is.EqualTo(Window));
    }

    [Test]
    public async Task A_tiny_budget_gives_could_not_check_and_says_how_much_was_read()
    {
        var bytes = Fixture("clip-35s.mp4");
        var options = new PoyoPreflightOptions { ReadBudgetBytes = 1024, RangeWindowBytes = Window };

        var check = await CheckVideo(_server.Serve("/budget.mp4", bytes, "video/mp4"), CharacterOrientation.Video, options);

        Assert.That(check.Outcome, Is.EqualTo(PreflightOutcome.CouldNotCheck));
        Assert.That(check.Message, Does.Contain("Gave up after reading 1024 bytes"));
        Assert.That(check.BytesRead, Is.EqualTo(1024));
        Assert.That(_server.BytesServed("/budget.mp4"), Is.EqualTo(1024));
    }

    [Test]
    public async Task A_video_that_is_a_web_page_fails()
    {
        var check = await CheckVideo(
            _server.ServeStatus("/page", 200, "text/html; charset=utf-8", "<!DOCTYPE html><html><body>Share</body></html>"),
            CharacterOrientation.Image);

        Assert.That(check.Outcome, Is.EqualTo(PreflightOutcome.Failed));
        Assert.That(check.Message, Does.Contain("returns a web page"));
        Assert.That(check.Duration, Is.Null);
        Assert.That(check.BytesRead, Is.Zero);
    }

    [Test]
    public async Task An_HTML_page_served_as_octet_stream_with_ranges_is_not_an_mp4()
    {
        var page = "<!DOCTYPE html><html><body>Share this video</body></html>"u8.ToArray();

        var check = await CheckVideo(_server.Serve("/page.bin", page, "application/octet-stream"), CharacterOrientation.Image);

        Assert.That(check.Outcome, Is.EqualTo(PreflightOutcome.CouldNotCheck));
        Assert.That(check.Message, Does.Contain("not an MP4 or MOV file"));
        Assert.That(check.BytesRead, Is.EqualTo(page.Length));
    }

    [TestCase(404, "not there")]
    [TestCase(403, "not public")]
    [TestCase(500, "server failed")]
    public async Task An_error_status_fails_with_the_status(int status, string hint)
    {
        var check = await CheckVideo(_server.ServeStatus("/gone.mp4", status), CharacterOrientation.Image);

        Assert.That(check.Outcome, Is.EqualTo(PreflightOutcome.Failed));
        Assert.That(check.StatusCode, Is.EqualTo((HttpStatusCode)status));
        Assert.That(check.Message, Does.Contain($"HTTP {status}").And.Contain(hint));
        Assert.That(check.BytesRead, Is.Zero);
    }

    [Test]
    public async Task A_missing_content_type_is_plausible()
    {
        var bytes = Fixture("clip-4s-faststart.mp4");

        var check = await CheckVideo(_server.Serve("/notype", bytes, contentType: null), CharacterOrientation.Image);

        Assert.That(check.Outcome, Is.EqualTo(PreflightOutcome.Passed), check.Message);
        Assert.That(check.Message, Does.Contain("plausible"));
    }

    [Test]
    public async Task A_video_served_as_an_image_fails_without_reading_its_duration()
    {
        var bytes = Fixture("clip-4s-faststart.mp4");

        var check = await CheckVideo(_server.Serve("/x.png", bytes, "image/png"), CharacterOrientation.Image);

        Assert.That(check.Outcome, Is.EqualTo(PreflightOutcome.Failed));
        Assert.That(check.Message, Does.Contain("image/png").And.Contain("MP4 or MOV"));
    }

    private async Task<PreflightCheck> CheckVideo(Uri url, CharacterOrientation orientation, PoyoPreflightOptions? options = null)
    {
        var preflight = new PoyoPreflight(_http, options ?? new PoyoPreflightOptions { RangeWindowBytes = Window });
        var input = PreflightInputs.VideoOnly(url, orientation);

        var report = await preflight.CheckAsync(input, CancellationToken.None);

        Assert.That(report.Checks, Has.Count.EqualTo(1));
        var check = report.Checks[0];
        Assert.That(check.Kind, Is.EqualTo(PreflightInputKind.Video));
        Assert.That(check.Field, Is.EqualTo("video_urls[0]"));
        Assert.That(report.TotalBytesRead, Is.EqualTo(check.BytesRead));
        TestContext.Out.WriteLine(check.ToString());
        return check;
    }

    private void AssertBytesRead(PreflightCheck check, string path, long fileLength, int maxRequests)
    {
        var log = _server.Log(path);
        Assert.That(_server.BytesServed(path), Is.EqualTo(check.BytesRead), "the client counts what the server served");
        Assert.That(log, Has.Count.LessThanOrEqualTo(maxRequests));
        Assert.That(check.BytesRead, Is.LessThanOrEqualTo(2 * Window));
        TestContext.Out.WriteLine($"{path}: {fileLength:N0} bytes, read {check.BytesRead:N0} ({100.0 * check.BytesRead / fileLength:0.0}%) in {log.Count} request(s)");
    }
}
