using NUnit.Framework;
using Poyo.OpenApi.Tests.Support;
using WireMock.Server;

namespace Poyo.OpenApi.Tests.Uploads;

/// <summary>Uploads that break the rules fail with a specific message and send nothing.</summary>
public sealed class UploadValidationTests
{
    private const long MiB = 1024 * 1024;
    private WireMockServer _server = null!;
    private PoyoClient _client = null!;

    [SetUp]
    public void Start()
    {
        _server = LoopbackWireMock.Start();
        _server.StubAllUploads();
        _client = TestRequests.ClientFor(_server.Url!);
    }

    [TearDown]
    public void Stop()
    {
        _client.Dispose();
        _server.Dispose();
        Assert.That(_server.LogEntries, Is.Empty, "nothing may be sent");
    }

    private static async Task<PoyoValidationFailure> RefusedAsync(Func<Task> upload)
    {
        var error = await Expect.ThrowsAsync<PoyoValidationException>(upload);
        Assert.That(error.Category, Is.EqualTo(PoyoErrorCategory.InvalidRequest));
        Assert.That(error.Message, Does.Contain("nothing was sent"));
        return error.Failures[0];
    }

    private static void AssertFailure(PoyoValidationFailure failure, string path, string message)
    {
        Assert.That(failure.Path, Is.EqualTo(path));
        Assert.That(failure.Message, Does.Contain(message));
    }

    [TestCase("clip.gif", "got .gif")]
    [TestCase("clip.avi", "got .avi")]
    [TestCase("clip", "got no extension")]
    [TestCase("../clip.png", "plain file name")]
    [TestCase("dir\\clip.png", "plain file name")]
    [TestCase("  ", "must not be empty")]
    public async Task A_stream_with_a_bad_file_name_is_refused(string fileName, string message)
    {
        var failure = await RefusedAsync(() => _client.UploadFileAsync(new MemoryStream([1]), fileName));

        AssertFailure(failure, "file", message);
    }

    [Test]
    public async Task An_image_stream_over_10_MiB_is_refused_without_being_read()
    {
        var stream = new LengthOnlyStream(10 * MiB + 1);

        var failure = await RefusedAsync(() => _client.UploadFileAsync(stream, "face.png"));

        Assert.That(failure.Message, Does.Contain("10,485,761 bytes").And.Contain("images up to 10,485,760 bytes"));
        Assert.That(stream.Reads, Is.Zero);
    }

    [Test]
    public async Task A_video_stream_over_100_MiB_is_refused_and_a_limit_counts_from_the_stream_position()
    {
        var failure = await RefusedAsync(() => _client.UploadFileAsync(new LengthOnlyStream(100 * MiB + 1), "dance.mov"));

        Assert.That(failure.Message, Does.Contain("videos up to 104,857,600 bytes"));

        var atLimit = new MemoryStream(new byte[(10 * MiB) + 5]) { Position = 5 };
        var uploaded = await _client.UploadFileAsync(atLimit, "face.png");
        Assert.That(uploaded.FileUrl, Is.Not.Null, "10 MiB from the position on is within the limit");
        _server.ResetLogEntries();
    }

    [Test]
    public async Task A_forward_only_stream_is_stopped_once_past_the_limit_of_its_kind()
    {
        var stream = new ForwardOnlyStream(50 * MiB);

        var error = await Expect.PoyoErrorAsync(() => _client.UploadFileAsync(stream, "face.png"));

        Assert.That(error, Is.Not.InstanceOf<PoyoValidationException>(), "part of it was sent");
        Assert.That(error.Category, Is.EqualTo(PoyoErrorCategory.InvalidRequest));
        Assert.That(error.Message, Does.Contain("face.png is larger than 10,485,760 bytes").And.Contain("stopped part-way"));
        Assert.That(stream.BytesRead, Is.InRange((10 * MiB) + 1, 11 * MiB), "reading stopped within a block of the limit, not at the end");
        _server.ResetLogEntries();
    }

    [Test]
    public async Task A_forward_only_stream_within_the_limit_is_sent_whole()
    {
        var stream = new ForwardOnlyStream(10 * MiB);

        await _client.UploadFileAsync(stream, "face.png");

        var part = (await MultipartBody.ReadAsync(_server.Requests().Single())).Single();
        Assert.That(part.Body.LongLength, Is.EqualTo(10 * MiB));
        _server.ResetLogEntries();
    }

    [Test]
    public async Task An_empty_stream_is_refused()
    {
        var failure = await RefusedAsync(() => _client.UploadFileAsync(new MemoryStream(), "face.png"));

        Assert.That(failure.Message, Does.Contain("is empty"));
    }

    [TestCase("ftp://cdn.example/a.png", "got 'ftp://cdn.example/a.png'")]
    [TestCase("file:///tmp/a.png", "absolute http(s)")]
    [TestCase("/relative/a.png", "absolute http(s)")]
    public async Task An_upload_by_url_needs_an_absolute_http_url(string url, string message)
    {
        var failure = await RefusedAsync(() => _client.UploadFromUrlAsync(new Uri(url, UriKind.RelativeOrAbsolute)));

        AssertFailure(failure, "file_url", message);
    }

    [Test]
    public async Task An_upload_by_url_with_a_wrong_stored_name_or_folder_is_refused()
    {
        var error = await Expect.ThrowsAsync<PoyoValidationException>(
            () => _client.UploadFromUrlAsync(new Uri("https://cdn.example/a.png"), fileName: "a.exe", uploadPath: "../etc"));

        Assert.That(error.Failures.Select(f => f.Path), Is.EquivalentTo(new[] { "file_name", "upload_path" }));
        Assert.That(error.Failures.First(f => f.Path == "file_name").Message, Does.Contain("got .exe"));
    }

    [TestCase("not base64!", "is not valid base64")]
    [TestCase("", "must not be empty")]
    [TestCase("data:image/png;base64,", "must not be empty")]
    [TestCase("data:text/plain;base64,aGVsbG8=", "the data URI says text/plain")]
    [TestCase("data:image/png,rawbytes", "base64 data URI")]
    public async Task Base64_that_is_malformed_or_not_an_image_is_refused(string data, string message)
    {
        var failure = await RefusedAsync(() => _client.UploadBase64Async(data));

        AssertFailure(failure, "base64_data", message);
    }

    [Test]
    public async Task Base64_over_5_MiB_decoded_is_refused_and_exactly_5_MiB_is_sent()
    {
        var over = Convert.ToBase64String(new byte[(5 * MiB) + 1]);
        var failure = await RefusedAsync(() => _client.UploadBase64Async(over));
        Assert.That(failure.Message, Does.Contain("decodes to 5,242,881 bytes").And.Contain("UploadFileAsync"));

        await _client.UploadBase64Async("data:image/png;base64," + Convert.ToBase64String(new byte[5 * MiB]));
        Assert.That(_server.LogEntries.Count(), Is.EqualTo(1));
        _server.ResetLogEntries();
    }

    [Test]
    public async Task A_base64_stored_name_must_be_an_image()
    {
        var failure = await RefusedAsync(() => _client.UploadBase64Async("iVBORw0KGgo=", fileName: "clip.mp4"));

        AssertFailure(failure, "file_name", "got .mp4");
    }

    [Test]
    public async Task With_validation_off_only_the_model_rules_are_skipped()
    {
        using var client = new PoyoClient(new PoyoClientOptions { ApiKey = TestRequests.ApiKey, BaseUrl = new Uri(_server.Url!), ValidateRequests = false });

        await client.UploadFileAsync(new MemoryStream([1]), "anim.gif");
        var part = (await MultipartBody.ReadAsync(_server.Requests().Single())).Single();
        Assert.That((part.FileName, part.ContentType), Is.EqualTo(("anim.gif", "application/octet-stream")));
        _server.ResetLogEntries();

        var failure = await RefusedAsync(() => client.UploadFromUrlAsync(new Uri("ftp://cdn.example/a.png")));
        Assert.That(failure.Path, Is.EqualTo("file_url"), "structure is always checked");
    }

    [Test]
    public void Null_arguments_throw_argument_exceptions()
    {
        Assert.That(() => _client.UploadFileAsync(null!, "a.png"), Throws.ArgumentNullException);
        Assert.That(() => _client.UploadFileAsync(new MemoryStream(), null!), Throws.ArgumentNullException);
        Assert.That(() => _client.UploadFromUrlAsync(null!), Throws.ArgumentNullException);
        Assert.That(() => _client.UploadBase64Async(null!), Throws.ArgumentNullException);
    }
}
