using Newtonsoft.Json.Linq;
using NUnit.Framework;
using Poyo.OpenApi.Tests.Support;
using WireMock.Server;

namespace Poyo.OpenApi.Tests.Uploads;

/// <summary>The exact requests of the three uploads and how their {success, code, msg, data} answers are read.</summary>
public sealed class UploadContractTests
{
    private static readonly DateTimeOffset ExpiresUtc = new(2025, 11, 15, 10, 30, 0, TimeSpan.Zero);
    private WireMockServer _server = null!;
    private PoyoClient _client = null!;

    [SetUp]
    public void Start()
    {
        _server = LoopbackWireMock.Start();
        _client = TestRequests.ClientFor(_server.Url!);
    }

    [TearDown]
    public void Stop()
    {
        _client.Dispose();
        _server.Dispose();
    }

    [Test]
    public async Task A_stream_upload_is_one_multipart_part_named_file_with_file_name_and_content_type()
    {
        _server.StubUpload(UploadStubs.StreamPath);
        var bytes = Enumerable.Range(0, 5000).Select(i => (byte)i).ToArray();

        var uploaded = await _client.UploadFileAsync(new MemoryStream(bytes), "dance.mp4");

        var request = _server.Requests().Single();
        Assert.That((request.Method, request.Path), Is.EqualTo(("POST", UploadStubs.StreamPath)));
        Assert.That(request.Headers!["Content-Type"].Single(), Does.StartWith("multipart/form-data; boundary="));
        Assert.That(request.Headers["Authorization"].Single(), Is.EqualTo("Bearer " + TestRequests.ApiKey));
        var part = (await MultipartBody.ReadAsync(request)).Single();
        Assert.That((part.Name, part.FileName, part.ContentType), Is.EqualTo(("file", "dance.mp4", "video/mp4")));
        Assert.That(part.Body, Is.EqualTo(bytes));
        Assert.That(uploaded.FileUrl, Is.EqualTo(new Uri("https://storage.poyo.ai/uploads/8d2c1a.png")));
    }

    [Test]
    public async Task The_callers_stream_is_read_from_its_position_and_left_open()
    {
        _server.StubUpload(UploadStubs.StreamPath);
        var stream = new MemoryStream([9, 9, 1, 2, 3]) { Position = 2 };

        await _client.UploadFileAsync(stream, "a.png");

        var part = (await MultipartBody.ReadAsync(_server.Requests().Single())).Single();
        Assert.That(part.Body, Is.EqualTo(new byte[] { 1, 2, 3 }));
        Assert.That(stream.CanRead, Is.True, "not disposed: the stream is the caller's");
        Assert.That(stream.Position, Is.EqualTo(5));
    }

    [Test]
    public async Task A_cancelled_upload_throws_operation_canceled_and_sends_nothing()
    {
        _server.StubUpload(UploadStubs.StreamPath);
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Expect.ThrowsAsync<OperationCanceledException>(() => _client.UploadFileAsync(new MemoryStream([1]), "a.png", cancellationToken: cancelled.Token));

        Assert.That(_server.LogEntries, Is.Empty);
    }

    [TestCase("a.jpg", "image/jpeg")]
    [TestCase("a.JPEG", "image/jpeg")]
    [TestCase("a.png", "image/png")]
    [TestCase("a.webp", "image/webp")]
    [TestCase("a.mov", "video/quicktime")]
    public async Task The_part_content_type_follows_the_extension(string fileName, string contentType)
    {
        _server.StubUpload(UploadStubs.StreamPath);

        await _client.UploadFileAsync(new MemoryStream([1, 2, 3]), fileName);

        var part = (await MultipartBody.ReadAsync(_server.Requests().Single())).Single();
        Assert.That((part.FileName, part.ContentType), Is.EqualTo((fileName, contentType)));
    }

    [Test]
    public async Task An_upload_path_is_its_own_part_and_is_left_out_when_unset()
    {
        _server.StubUpload(UploadStubs.StreamPath);

        await _client.UploadFileAsync(new MemoryStream([1]), "a.png", uploadPath: "refs");

        var parts = await MultipartBody.ReadAsync(_server.Requests().Single());
        Assert.That(parts.Select(p => p.Name), Is.EqualTo(new[] { "file", "upload_path" }));
        Assert.That(parts[1].Text, Is.EqualTo("refs"));
    }

    [Test]
    public async Task The_documented_response_is_read_fully_with_lenient_timestamps_and_unknown_fields_kept()
    {
        _server.StubUpload(UploadStubs.StreamPath);

        var uploaded = await _client.UploadFileAsync(new MemoryStream([1]), "reference.png");

        Assert.That(uploaded.FileId, Is.EqualTo("f_8d2c1a"));
        Assert.That(uploaded.FileName, Is.EqualTo("8d2c1a.png"));
        Assert.That(uploaded.OriginalName, Is.EqualTo("reference.png"));
        Assert.That(uploaded.FileSize, Is.EqualTo(204800));
        Assert.That(uploaded.MimeType, Is.EqualTo("image/png"));
        Assert.That(uploaded.UploadPath, Is.EqualTo("uploads"));
        Assert.That(uploaded.DownloadUrl, Is.EqualTo(new Uri("https://storage.poyo.ai/uploads/8d2c1a.png?download=1")));
        Assert.That(uploaded.UploadedAt, Is.EqualTo(new DateTimeOffset(2025, 11, 12, 10, 30, 0, TimeSpan.Zero).AddTicks(1234560)), "microseconds kept, naive means UTC");
        Assert.That(uploaded.ExpiresAt, Is.EqualTo(ExpiresUtc));
        Assert.That(uploaded.AdditionalProperties.ContainsKey("bucket"), Is.True);
        Assert.That(uploaded.ToString(), Does.Not.Contain("download=1").And.Contain("storage.poyo.ai/uploads/8d2c1a.png"));
    }

    [Test]
    public async Task An_upload_by_url_sends_snake_case_json_with_only_what_is_set()
    {
        _server.StubUpload(UploadStubs.UrlPath);

        await _client.UploadFromUrlAsync(new Uri("https://cdn.example/in/dance.mp4?sig=1"));
        await _client.UploadFromUrlAsync(new Uri("https://cdn.example/in/dance.mp4"), fileName: "dance.mp4", uploadPath: "refs");

        var requests = _server.Requests();
        Assert.That(requests.Select(r => (r.Method, r.Path)), Is.All.EqualTo(("POST", UploadStubs.UrlPath)));
        Assert.That(requests[0].Headers!["Content-Type"].Single(), Does.StartWith("application/json"));
        Assert.That(JToken.DeepEquals(JObject.Parse(requests[0].Body!), JObject.Parse("""{"file_url":"https://cdn.example/in/dance.mp4?sig=1"}""")), Is.True, requests[0].Body);
        Assert.That(JToken.DeepEquals(JObject.Parse(requests[1].Body!), JObject.Parse("""{"file_url":"https://cdn.example/in/dance.mp4","upload_path":"refs","file_name":"dance.mp4"}""")), Is.True, requests[1].Body);
    }

    [Test]
    public async Task A_base64_upload_sends_the_data_as_given()
    {
        _server.StubUpload(UploadStubs.Base64Path);
        const string data = "data:image/png;base64,iVBORw0KGgo=";

        var uploaded = await _client.UploadBase64Async(data, fileName: "red.png");

        var request = _server.Requests().Single();
        Assert.That((request.Method, request.Path), Is.EqualTo(("POST", UploadStubs.Base64Path)));
        Assert.That(JToken.DeepEquals(JObject.Parse(request.Body!), JObject.Parse($$"""{"base64_data":"{{data}}","file_name":"red.png"}""")), Is.True, request.Body);
        Assert.That(uploaded.ExpiresAt, Is.EqualTo(ExpiresUtc));
    }

    [TestCase("""{"success":false,"code":400,"msg":"Unsupported file type"}""", PoyoErrorCategory.InvalidRequest, "Unsupported file type")]
    [TestCase("""{"success":false,"msg":"Storage quota exceeded"}""", PoyoErrorCategory.UnexpectedResponse, "Storage quota exceeded")]
    [TestCase("""{"code":413,"msg":"File too large"}""", PoyoErrorCategory.InvalidRequest, "File too large")]
    [TestCase("""{"code":401,"msg":"Invalid API key"}""", PoyoErrorCategory.Authentication, "Invalid API key")]
    public async Task A_failure_inside_http_200_is_an_error_with_its_msg(string body, PoyoErrorCategory category, string message)
    {
        _server.StubAllUploads(body: body);

        foreach (var upload in Uploads())
        {
            var error = await Expect.PoyoErrorAsync(upload);

            Assert.That(error.Category, Is.EqualTo(category));
            Assert.That(error.Message, Does.Contain(message));
            Assert.That(error.StatusCode, Is.EqualTo(200));
        }
    }

    [TestCase("""{"success":true,"code":200,"msg":"ok"}""", "data")]
    [TestCase("""{"success":true,"code":200,"data":{"file_id":"f1","expires_at":"2025-11-15T10:30:00"}}""", "data.file_url")]
    public async Task A_success_without_a_file_url_is_an_unexpected_response(string body, string missing)
    {
        _server.StubAllUploads(body: body);

        foreach (var upload in Uploads())
        {
            var error = await Expect.PoyoErrorAsync(upload);

            Assert.That(error.Category, Is.EqualTo(PoyoErrorCategory.UnexpectedResponse));
            Assert.That(error.Message, Does.Contain("without " + missing + ";"));
        }
    }

    [Test]
    public async Task A_success_with_code_0_or_no_code_is_accepted()
    {
        _server.StubAllUploads(body: """{"success":true,"code":0,"data":{"file_url":"https://storage.poyo.ai/u/a.png"}}""");

        var uploaded = await _client.UploadFromUrlAsync(new Uri("https://cdn.example/a.png"));

        Assert.That(uploaded.FileUrl, Is.EqualTo(new Uri("https://storage.poyo.ai/u/a.png")));
        Assert.That(uploaded.ExpiresAt, Is.Null, "expires_at may be missing");
    }

    [Test]
    public async Task A_fastapi_validation_error_reads_the_detail_messages()
    {
        _server.StubAllUploads(422, """{"detail":[{"loc":["body","file"],"msg":"field required","type":"value_error.missing"},{"loc":["body"],"msg":"bad form"}]}""");

        foreach (var upload in Uploads())
        {
            var error = await Expect.PoyoErrorAsync(upload);

            Assert.That(error.Category, Is.EqualTo(PoyoErrorCategory.InvalidRequest));
            Assert.That(error.StatusCode, Is.EqualTo(422));
            Assert.That(error.Message, Does.Contain("field required; bad form"));
        }
    }

    [TestCase(400, """{"detail":"Invalid file"}""", PoyoErrorCategory.InvalidRequest, "Invalid file")]
    [TestCase(401, """{"code":401,"error":{"message":"Invalid API key","type":"authentication_error"}}""", PoyoErrorCategory.Authentication, "Invalid API key")]
    [TestCase(413, "<html><body><h1>413 Request Entity Too Large</h1></body></html>", PoyoErrorCategory.InvalidRequest, "413 Request Entity Too Large")]
    [TestCase(429, """{"detail":"slow down"}""", PoyoErrorCategory.RateLimited, "slow down")]
    [TestCase(502, """{"detail":"bad gateway"}""", PoyoErrorCategory.Server, "bad gateway")]
    public async Task Http_errors_map_to_their_category_and_keep_the_message(int status, string body, PoyoErrorCategory category, string message)
    {
        _server.StubAllUploads(status, body);

        foreach (var upload in Uploads())
        {
            var error = await Expect.PoyoErrorAsync(upload);

            Assert.That(error.Category, Is.EqualTo(category));
            Assert.That(error.StatusCode, Is.EqualTo(status));
            Assert.That(error.Message, Does.Contain(message));
            Assert.That(error.Message, Does.Not.Contain(TestRequests.ApiKey));
        }
    }

    private IEnumerable<Func<Task>> Uploads()
    {
        yield return () => _client.UploadFileAsync(new MemoryStream([1, 2]), "a.png");
        yield return () => _client.UploadFromUrlAsync(new Uri("https://cdn.example/a.png"));
        yield return () => _client.UploadBase64Async("iVBORw0KGgo=");
    }
}
