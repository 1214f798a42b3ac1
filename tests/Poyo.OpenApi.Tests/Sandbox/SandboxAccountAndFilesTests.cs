using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.Time.Testing;
using NUnit.Framework;
using Poyo.OpenApi.Testing;
using Poyo.OpenApi.Tests.Support;

namespace Poyo.OpenApi.Tests.Sandbox;

/// <summary>The sandbox's balance, uploads and file serving, through the real <see cref="PoyoClient"/> and raw HTTP.</summary>
public sealed class SandboxAccountAndFilesTests
{
    private static readonly string PngFixture = Path.Combine(TestContext.CurrentContext.TestDirectory, "Fixtures", "Image", "red-16x16.png");
    private static readonly string VideoFixture = Path.Combine(TestContext.CurrentContext.TestDirectory, "Fixtures", "Video", "clip-4s.mov");

    private static PoyoClient ClientFor(PoyoSandbox sandbox, string? apiKey = null, bool validate = true) =>
        new(new PoyoClientOptions { ApiKey = apiKey ?? sandbox.ApiKey, BaseUrl = sandbox.Url, ValidateRequests = validate, Retry = TestRequests.NoRetries() });

    [Test]
    public async Task The_balance_falls_by_the_credits_of_each_finished_task_but_not_of_failed_ones()
    {
        using var sandbox = PoyoSandbox.Start(new PoyoSandboxOptions { InitialCredits = 100, CreditsPerTask = 30, AccountEmail = "me@example.com" });
        using var client = ClientFor(sandbox);

        var before = await client.GetBalanceAsync();
        var finished = await client.SubmitTaskAsync(new SubmitTaskRequest(TestRequests.MinimalInput()));
        var submittedOnly = await client.GetBalanceAsync();
        await SandboxPolling.PollUntilDoneAsync(client, finished.TaskId!);
        sandbox.FailNextTask();
        var failed = await client.SubmitTaskAsync(new SubmitTaskRequest(TestRequests.MinimalInput()));
        await SandboxPolling.PollUntilDoneAsync(client, failed.TaskId!);
        var after = await client.GetBalanceAsync();

        Assert.That((before.CreditsAmount, before.Email), Is.EqualTo((100.0, "me@example.com")));
        Assert.That(submittedOnly.CreditsAmount, Is.EqualTo(100), "charged on finish, not on submit");
        Assert.That(after.CreditsAmount, Is.EqualTo(70));
        Assert.That(sandbox.CreditsRemaining, Is.EqualTo(70));
    }

    [Test]
    public async Task The_balance_and_uploads_check_the_key_and_armed_failures()
    {
        using var sandbox = PoyoSandbox.Start();
        using var wrongKey = ClientFor(sandbox, apiKey: "not-the-key");
        using var client = ClientFor(sandbox);

        Assert.That((await Expect.PoyoErrorAsync(() => wrongKey.GetBalanceAsync())).Category, Is.EqualTo(PoyoErrorCategory.Authentication));
        Assert.That((await Expect.PoyoErrorAsync(() => wrongKey.UploadLocalFileAsync(PngFixture, PreflightInputKind.Image))).Category, Is.EqualTo(PoyoErrorCategory.Authentication));
        sandbox.RespondServerError(requests: 1, statusCode: 502);
        Assert.That((await Expect.PoyoErrorAsync(() => client.UploadFromUrlAsync(new Uri(TestRequests.ImageUrl)))).Category, Is.EqualTo(PoyoErrorCategory.Server));
        sandbox.RespondRateLimited(requests: 1);
        Assert.That((await Expect.PoyoErrorAsync(() => client.GetBalanceAsync())).Category, Is.EqualTo(PoyoErrorCategory.RateLimited));
        Assert.That(sandbox.Uploads, Is.Empty);
        Assert.That(sandbox.UploadCount, Is.EqualTo(2));
    }

    [Test]
    public async Task A_local_image_and_video_round_trip_through_upload_and_download_without_the_key()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));
        using var sandbox = PoyoSandbox.Start(new PoyoSandboxOptions { TimeProvider = time });
        using var client = ClientFor(sandbox);

        var image = await client.UploadLocalFileAsync(PngFixture, PreflightInputKind.Image);
        var video = await client.UploadLocalFileAsync(VideoFixture, PreflightInputKind.Video);
        using var downloaded = new MemoryStream();
        await client.DownloadFileAsync(image.FileUrl!, downloaded);

        Assert.That(downloaded.ToArray(), Is.EqualTo(await File.ReadAllBytesAsync(PngFixture)));
        Assert.That(image.FileUrl!.AbsoluteUri, Does.StartWith(sandbox.Url.AbsoluteUri + "uploads/"));
        Assert.That((image.MimeType, video.MimeType), Is.EqualTo(("image/png", "video/quicktime")));
        Assert.That(image.FileSize, Is.EqualTo(new FileInfo(PngFixture).Length));
        Assert.That(image.UploadedAt, Is.EqualTo(time.GetUtcNow()));
        Assert.That(image.ExpiresAt, Is.EqualTo(time.GetUtcNow().AddHours(72)), "images last 72 h");
        Assert.That(video.ExpiresAt, Is.EqualTo(time.GetUtcNow().AddHours(24)), "streamed videos on the default path last 24 h");
        Assert.That(sandbox.Uploads.Select(u => (u.Source, u.OriginalName)), Is.EqualTo(new[] { ("stream", "red-16x16.png"), ("stream", "clip-4s.mov") }));
        var fileRequest = sandbox.Server.LogEntries.Select(e => e.RequestMessage!).Last(r => r.Path.StartsWith("/uploads/", StringComparison.Ordinal));
        Assert.That(fileRequest.Headers!.Keys, Has.None.EqualTo("Authorization").IgnoreCase);
    }

    [Test]
    public async Task Uploads_by_url_and_base64_are_stored_and_served()
    {
        using var sandbox = PoyoSandbox.Start();
        using var client = ClientFor(sandbox);
        var png = await File.ReadAllBytesAsync(PngFixture);

        var byUrl = await client.UploadFromUrlAsync(new Uri("https://cdn.example/refs/dancer.mp4?sig=1"), uploadPath: "refs");
        var byBase64 = await client.UploadBase64Async("data:image/png;base64," + Convert.ToBase64String(png), fileName: "face.png");
        using var http = new HttpClient();
        var served = await http.GetByteArrayAsync(byBase64.FileUrl);

        Assert.That(served, Is.EqualTo(png));
        Assert.That((byUrl.OriginalName, byUrl.MimeType, byUrl.UploadPath), Is.EqualTo(("dancer.mp4", "video/mp4", "refs")));
        Assert.That(byUrl.FileUrl!.AbsolutePath, Does.EndWith("/dancer.mp4"));
        Assert.That(Encoding.UTF8.GetString([.. sandbox.Uploads[0].Content]), Does.Contain("https://cdn.example/refs/dancer.mp4"));
        Assert.That((byBase64.FileName, byBase64.MimeType, byBase64.FileSize), Is.EqualTo(("face.png", "image/png", (long?)png.Length)));
        Assert.That(sandbox.Uploads.Select(u => u.Source), Is.EqualTo(new[] { "url", "base64" }));
    }

    [Test]
    public async Task A_file_type_poyo_does_not_take_is_refused_inside_http_200()
    {
        using var sandbox = PoyoSandbox.Start();
        using var client = ClientFor(sandbox, validate: false);

        var error = await Expect.PoyoErrorAsync(() => client.UploadFileAsync(new MemoryStream([1, 2, 3]), "anim.gif"));

        Assert.That((error.Category, error.StatusCode, error.ErrorCode), Is.EqualTo((PoyoErrorCategory.InvalidRequest, (int?)200, (int?)400)));
        Assert.That(error.Message, Does.Contain("Unsupported file type: .gif"));
        Assert.That(sandbox.Uploads, Is.Empty);
    }

    [Test]
    public async Task Malformed_upload_requests_get_fastapi_details()
    {
        using var sandbox = PoyoSandbox.Start();
        using var http = SandboxHttp.Client(sandbox);

        using var noFile = await http.PostAsync("api/common/upload/stream", new MultipartFormDataContent { { new StringContent("x"), "upload_path" } });
        using var badUrl = await http.PostAsync("api/common/upload/url", new StringContent("""{"file_url":"ftp://x/y.png"}""", Encoding.UTF8, "application/json"));
        using var badBase64 = await http.PostAsync("api/common/upload/base64", new StringContent("""{"base64_data":"%%%"}""", Encoding.UTF8, "application/json"));

        Assert.That(noFile.StatusCode, Is.EqualTo((HttpStatusCode)422));
        Assert.That(await noFile.Content.ReadAsStringAsync(), Does.Contain("\"msg\":\"field required\"").And.Contain("\"file\""));
        Assert.That(badUrl.StatusCode, Is.EqualTo((HttpStatusCode)422));
        Assert.That(badBase64.StatusCode, Is.EqualTo((HttpStatusCode)422));
        Assert.That(await badBase64.Content.ReadAsStringAsync(), Does.Contain("Invalid base64 data"));
    }

    [Test]
    public async Task End_to_end_upload_submit_wait_and_download_the_output()
    {
        using var sandbox = PoyoSandbox.Start();
        using var client = ClientFor(sandbox);
        var folder = Directory.CreateTempSubdirectory("poyo-sandbox-").FullName;
        try
        {
            var image = await client.UploadLocalFileAsync(PngFixture, PreflightInputKind.Image);
            var video = await client.UploadLocalFileAsync(VideoFixture, PreflightInputKind.Video);
            var submitted = await client.SubmitTaskAsync(new SubmitTaskRequest(new KlingMotionControlInput(image.FileUrl!, video.FileUrl!, CharacterOrientation.Image)));
            var done = await SandboxPolling.PollUntilDoneAsync(client, submitted.TaskId!);
            var progress = new RecordingProgress<PoyoDownloadProgress>();

            var paths = await client.DownloadFilesAsync(done, folder, progress);

            var expected = "poyo-sandbox placeholder video for " + submitted.TaskId + "\n";
            Assert.That(paths.Single(), Is.EqualTo(Path.Combine(folder, submitted.TaskId + ".mp4")));
            Assert.That(await File.ReadAllTextAsync(paths.Single()), Is.EqualTo(expected));
            Assert.That(progress.Reports[^1].BytesReceived, Is.EqualTo(expected.Length));
            Assert.That(sandbox.FindTask(submitted.TaskId!)!.RequestBody, Does.Contain(image.FileUrl!.AbsoluteUri));
            var fileRequest = sandbox.Server.LogEntries.Select(e => e.RequestMessage!).Single(r => r.Path.StartsWith("/files/", StringComparison.Ordinal));
            Assert.That(fileRequest.Headers!.Keys, Has.None.EqualTo("Authorization").IgnoreCase);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Test]
    public async Task Uploaded_files_and_outputs_need_no_key_and_unknown_ones_are_404()
    {
        using var sandbox = PoyoSandbox.Start();
        using var client = ClientFor(sandbox);
        var image = await client.UploadLocalFileAsync(PngFixture, PreflightInputKind.Image);
        using var anonymous = new HttpClient();
        anonymous.DefaultRequestHeaders.Authorization = null;

        using var ok = await anonymous.GetAsync(image.FileUrl);
        using var wrongName = await anonymous.GetAsync(new Uri(image.FileUrl!, "other.png"));
        using var unknownOutput = await anonymous.GetAsync(sandbox.OutputFileUrl("task-nope"));

        Assert.That(ok.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(ok.Content.Headers.ContentType, Is.EqualTo(new MediaTypeHeaderValue("image/png")));
        Assert.That(wrongName.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(unknownOutput.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        var expired = await Expect.PoyoErrorAsync(() => client.DownloadFileAsync(sandbox.OutputFileUrl("task-nope"), new MemoryStream()));
        Assert.That(expired.Message, Does.Contain("may have expired"));
    }
}
