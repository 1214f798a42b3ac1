using System.Net;
using System.Net.Http.Headers;
using NUnit.Framework;
using Poyo.OpenApi.Tests.Support;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace Poyo.OpenApi.Tests.Downloads;

/// <summary>Output files downloaded without the API key, with progress, cancellation, and no partial file left behind.</summary>
public sealed class DownloadTests
{
    private const int Size = 300_000;
    private static readonly byte[] Video = Enumerable.Range(0, Size).Select(i => (byte)(i * 7)).ToArray();
    private WireMockServer _storage = null!;
    private PoyoClient _client = null!;
    private string _folder = null!;

    [SetUp]
    public void Start()
    {
        _storage = LoopbackWireMock.Start();
        _storage.Given(Request.Create().WithPath("/generated/video.mp4").UsingGet())
            .RespondWith(Response.Create().WithHeader("Content-Type", "video/mp4").WithBody(Video));
        _client = TestRequests.ClientFor("https://api.poyo.ai");
        _folder = Path.Combine(Directory.CreateTempSubdirectory("poyo-download-").FullName, "out");
    }

    [TearDown]
    public void Stop()
    {
        _client.Dispose();
        _storage.Dispose();
        Directory.Delete(Path.GetDirectoryName(_folder)!, recursive: true);
    }

    private Uri FileUrl(string path = "/generated/video.mp4") => new(_storage.Url + path);

    private PoyoTask FinishedTask(string taskId, params Uri[] urls) => new()
    {
        TaskId = taskId,
        RawStatus = "finished",
        Files = [.. urls.Select(url => new TaskFile { FileUrl = url, FileType = "video" })],
    };

    private void StubStatus(string path, int status) =>
        _storage.Given(Request.Create().WithPath(path).UsingGet())
            .RespondWith(Response.Create().WithStatusCode(status).WithBody("<Error><Code>AccessDenied</Code></Error>"));

    [Test]
    public async Task A_download_never_sends_the_api_key()
    {
        using var destination = new MemoryStream();

        var written = await _client.DownloadFileAsync(new TaskFile { FileUrl = FileUrl(), FileType = "video" }, destination);

        Assert.That(written, Is.EqualTo(Size));
        Assert.That(destination.ToArray(), Is.EqualTo(Video));
        var request = _storage.Requests().Single();
        Assert.That((request.Method, request.Path), Is.EqualTo(("GET", "/generated/video.mp4")));
        Assert.That(request.Headers!.Keys, Has.None.EqualTo("Authorization").IgnoreCase);
        Assert.That(request.Headers.Values.SelectMany(v => v), Has.None.Contain(TestRequests.ApiKey));
        Assert.That(request.Headers["User-Agent"].Single(), Does.StartWith("Poyo.OpenApi/"));
    }

    [Test]
    public async Task An_http_client_with_a_default_authorization_header_is_refused_before_sending()
    {
        using var http = new HttpClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestRequests.ApiKey);
        using var client = new PoyoClient(http, new PoyoClientOptions { ApiKey = TestRequests.ApiKey, BaseUrl = new Uri("https://api.poyo.ai") });

        var error = await Expect.ThrowsAsync<InvalidOperationException>(() => client.DownloadFileAsync(FileUrl(), new MemoryStream()));

        Assert.That(error.Message, Does.Contain("default Authorization header"));
        Assert.That(_storage.LogEntries, Is.Empty);
    }

    [Test]
    public async Task Progress_reports_bytes_received_and_the_total_from_the_start_to_the_end()
    {
        // WireMock.Net sends every body chunked (it drops Content-Length), so a Content-Length comes from an in-process host.
        using var http = new HttpClient(new StorageHandler(Video, declaredLength: Size));
        using var client = new PoyoClient(http, new PoyoClientOptions { ApiKey = TestRequests.ApiKey, BaseUrl = new Uri("https://api.poyo.ai") });
        var url = new Uri("https://storage.example/v.mp4");
        var progress = new RecordingProgress<PoyoDownloadProgress>();

        await client.DownloadFileAsync(url, new MemoryStream(), progress);

        var reports = progress.Reports;
        Assert.That(reports.Count, Is.GreaterThan(2), "several blocks");
        Assert.That(reports[0].BytesReceived, Is.Zero);
        Assert.That(reports[^1].BytesReceived, Is.EqualTo(Size));
        Assert.That(reports[^1].Fraction, Is.EqualTo(1.0));
        Assert.That(reports.Select(r => r.TotalBytes), Is.All.EqualTo((long?)Size));
        Assert.That(reports.Select(r => r.BytesReceived), Is.Ordered.Ascending);
        Assert.That(reports.Select(r => r.FileUrl), Is.All.EqualTo(url));
        Assert.That(reports[^1].ToString(), Is.EqualTo("https://storage.example/v.mp4: 300,000 of 300,000 bytes"));
    }

    [Test]
    public async Task A_chunked_body_reports_progress_with_the_total_unknown()
    {
        var progress = new RecordingProgress<PoyoDownloadProgress>();
        using var destination = new MemoryStream();

        await _client.DownloadFileAsync(FileUrl(), destination, progress);

        Assert.That(destination.ToArray(), Is.EqualTo(Video));
        Assert.That(progress.Reports.Select(r => r.TotalBytes), Is.All.Null);
        Assert.That(progress.Reports[^1].Fraction, Is.Null);
        Assert.That(progress.Reports[^1].BytesReceived, Is.EqualTo(Size));
        Assert.That(progress.Reports.Select(r => r.BytesReceived), Is.Ordered.Ascending);
    }

    [TestCase(403)]
    [TestCase(404)]
    [TestCase(410)]
    public async Task An_expired_url_says_so_and_how_to_get_a_fresh_one(int status)
    {
        StubStatus("/generated/old.mp4", status);

        var error = await Expect.PoyoErrorAsync(() => _client.DownloadFileAsync(new Uri(FileUrl("/generated/old.mp4") + "?X-Amz-Signature=secret123"), new MemoryStream()));

        Assert.That(error.Category, Is.EqualTo(PoyoErrorCategory.NotFound));
        Assert.That(error.StatusCode, Is.EqualTo(status));
        Assert.That(error.Message, Does.Contain("may have expired").And.Contain("GetTaskAsync").And.Contain("/generated/old.mp4"));
        Assert.That(error.Message, Does.Not.Contain("secret123"), "a signed URL's token stays out of messages");
    }

    [Test]
    public async Task A_server_error_of_the_file_host_is_a_server_error()
    {
        StubStatus("/generated/busy.mp4", 503);

        var error = await Expect.PoyoErrorAsync(() => _client.DownloadFileAsync(FileUrl("/generated/busy.mp4"), new MemoryStream()));

        Assert.That((error.Category, error.StatusCode), Is.EqualTo((PoyoErrorCategory.Server, (int?)503)));
    }

    [Test]
    public async Task A_refused_connection_is_a_network_error()
    {
        var url = FileUrl();
        _storage.Stop();

        var error = await Expect.PoyoErrorAsync(() => _client.DownloadFileAsync(url, new MemoryStream()));

        Assert.That(error.Category, Is.EqualTo(PoyoErrorCategory.Network));
    }

    [Test]
    public async Task A_task_is_downloaded_into_a_folder_named_after_its_id_with_no_temporary_file_left()
    {
        var progress = new RecordingProgress<PoyoDownloadProgress>();

        var paths = await _client.DownloadFilesAsync(FinishedTask("task-unified-1", FileUrl()), _folder, progress);

        var expected = Path.Combine(Path.GetFullPath(_folder), "task-unified-1.mp4");
        Assert.That(paths, Is.EqualTo(new[] { expected }));
        Assert.That(await File.ReadAllBytesAsync(expected), Is.EqualTo(Video));
        Assert.That(Directory.GetFiles(_folder), Is.EqualTo(new[] { expected }));
        Assert.That(progress.Reports[^1].BytesReceived, Is.EqualTo(Size));
    }

    [Test]
    public async Task Several_files_are_numbered_and_an_existing_file_is_replaced()
    {
        Directory.CreateDirectory(_folder);
        await File.WriteAllTextAsync(Path.Combine(_folder, "t1-1.mp4"), "old");

        var paths = await _client.DownloadFilesAsync(FinishedTask("t1", FileUrl(), FileUrl()), _folder);

        Assert.That(paths.Select(Path.GetFileName), Is.EqualTo(new[] { "t1-1.mp4", "t1-2.mp4" }));
        Assert.That(paths.Select(p => new FileInfo(p).Length), Is.All.EqualTo(Size));
    }

    [Test]
    public async Task A_hostile_task_id_cannot_leave_the_folder()
    {
        var paths = await _client.DownloadFilesAsync(FinishedTask("../../etc/passwd", FileUrl()), _folder);

        var written = paths.Single();
        Assert.That(Path.GetDirectoryName(written), Is.EqualTo(Path.GetFullPath(_folder)));
        Assert.That(Path.GetFileName(written), Is.EqualTo("_.._etc_passwd.mp4"));
    }

    [Test]
    public async Task Cancelling_mid_download_throws_and_leaves_no_file()
    {
        using var cancellation = new CancellationTokenSource();
        var progress = new RecordingProgress<PoyoDownloadProgress>(report =>
        {
            if (report.BytesReceived > 0)
            {
                cancellation.Cancel();
            }
        });

        await Expect.ThrowsAsync<OperationCanceledException>(
            () => _client.DownloadFilesAsync(FinishedTask("t2", FileUrl()), _folder, progress, cancellation.Token));

        Assert.That(progress.Reports.Max(r => r.BytesReceived), Is.InRange(1, Size - 1), "cancelled part-way");
        Assert.That(Directory.EnumerateFileSystemEntries(_folder), Is.Empty);
    }

    [Test]
    public async Task A_body_that_ends_early_fails_and_leaves_no_file()
    {
        using var http = new HttpClient(new StorageHandler(Video[..1000], declaredLength: Size));
        using var client = new PoyoClient(http, new PoyoClientOptions { ApiKey = TestRequests.ApiKey, BaseUrl = new Uri("https://api.poyo.ai") });

        var error = await Expect.PoyoErrorAsync(
            () => client.DownloadFilesAsync(FinishedTask("t3", new Uri("https://storage.example/v.mp4")), _folder));

        Assert.That(error.Category, Is.EqualTo(PoyoErrorCategory.Network));
        Assert.That(error.Message, Does.Contain("ended after 1,000 of 300,000 bytes"));
        Assert.That(Directory.EnumerateFileSystemEntries(_folder), Is.Empty);
    }

    [Test]
    public async Task An_expired_url_leaves_no_file_either()
    {
        StubStatus("/generated/old.mp4", 403);

        await Expect.PoyoErrorAsync(() => _client.DownloadFilesAsync(FinishedTask("t4", FileUrl("/generated/old.mp4")), _folder));

        Assert.That(Directory.EnumerateFileSystemEntries(_folder), Is.Empty);
    }

    [Test]
    public void A_task_without_files_or_with_a_bad_url_is_an_argument_error_before_sending()
    {
        var running = new PoyoTask { TaskId = "t5", RawStatus = "running", Files = [] };
        Assert.That(() => _client.DownloadFilesAsync(running, _folder), Throws.ArgumentException.With.Message.Contain("no output files"));
        Assert.That(() => _client.DownloadFilesAsync(FinishedTask("t6", new Uri("ftp://x/y.mp4")), _folder), Throws.ArgumentException);
        Assert.That(() => _client.DownloadFileAsync(new Uri("/relative.mp4", UriKind.Relative), new MemoryStream()), Throws.ArgumentException);
        Assert.That(() => _client.DownloadFileAsync(FileUrl(), new MemoryStream([], writable: false)), Throws.ArgumentException);
        Assert.That(_storage.LogEntries, Is.Empty);
    }

    /// <summary>An in-process storage host that declares the Content-Length it is given (true or false).</summary>
    private sealed class StorageHandler(byte[] body, long? declaredLength = null) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var content = new StreamContent(new UnknownLengthStream(body));
            content.Headers.ContentLength = declaredLength;
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = content, RequestMessage = request });
        }
    }

    private sealed class UnknownLengthStream(byte[] body) : MemoryStream(body)
    {
        public override bool CanSeek => false;
    }
}
