using NUnit.Framework;
using Poyo.OpenApi.Tests.Support;
using WireMock.Server;

namespace Poyo.OpenApi.Tests.Uploads;

/// <summary>A local file becomes an input URL: checked first (existence, extension per kind, size), then streamed.</summary>
public sealed class LocalFileUploadTests
{
    private const long MiB = 1024 * 1024;
    private WireMockServer _server = null!;
    private PoyoClient _client = null!;
    private string _folder = null!;

    [SetUp]
    public void Start()
    {
        _server = LoopbackWireMock.Start();
        _server.StubUpload(UploadStubs.StreamPath, body: """{"success":true,"code":200,"data":{"file_url":"https://storage.poyo.ai/uploads/x/clip.mp4","expires_at":"2025-11-13T10:30:00"}}""");
        _client = TestRequests.ClientFor(_server.Url!);
        _folder = Directory.CreateTempSubdirectory("poyo-upload-").FullName;
    }

    [TearDown]
    public void Stop()
    {
        _client.Dispose();
        _server.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    private string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    /// <summary>A sparse file: its length without its bytes on disk.</summary>
    private string Sparse(string name, long length)
    {
        var path = Path.Combine(_folder, name);
        using var stream = new FileStream(path, FileMode.CreateNew);
        stream.SetLength(length);
        return path;
    }

    [Test]
    public async Task The_fixture_image_is_streamed_as_part_file_with_its_name_and_type()
    {
        var fixture = Path.Combine(TestContext.CurrentContext.TestDirectory, "Fixtures", "Image", "red-16x16.png");

        var uploaded = await _client.UploadLocalFileAsync(fixture, PreflightInputKind.Image);

        var part = (await MultipartBody.ReadAsync(_server.Requests().Single())).Single();
        Assert.That((part.Name, part.FileName, part.ContentType), Is.EqualTo(("file", "red-16x16.png", "image/png")));
        Assert.That(part.Body, Is.EqualTo(await File.ReadAllBytesAsync(fixture)));
        Assert.That(uploaded.ExpiresAt, Is.EqualTo(new DateTimeOffset(2025, 11, 13, 10, 30, 0, TimeSpan.Zero)));
    }

    [Test]
    public async Task The_file_url_goes_straight_into_a_valid_motion_control_input()
    {
        var video = await _client.UploadLocalFileAsync(Write("clip.mov", [1, 2, 3]), PreflightInputKind.Video);

        var part = (await MultipartBody.ReadAsync(_server.Requests().Single())).Single();
        Assert.That(part.ContentType, Is.EqualTo("video/quicktime"));
        var input = new KlingMotionControlInput(new Uri(TestRequests.ImageUrl), video.FileUrl!, CharacterOrientation.Video);
        Assert.That(new KlingMotionControlInputValidator().Validate(input).IsValid, Is.True);
    }

    [Test]
    public async Task A_missing_file_is_reported_before_anything_is_sent()
    {
        var path = Path.Combine(_folder, "nope.png");

        var error = await Expect.ThrowsAsync<FileNotFoundException>(() => _client.UploadLocalFileAsync(path, PreflightInputKind.Image));

        Assert.That(error.Message, Does.Contain("nope.png").And.Contain("nothing was uploaded"));
        Assert.That(_server.LogEntries, Is.Empty);
    }

    [TestCase("face.mp4", PreflightInputKind.Image, "must be a .jpg, .jpeg or .png image (got .mp4)")]
    [TestCase("face.webp", PreflightInputKind.Image, "(got .webp)")]
    [TestCase("clip.png", PreflightInputKind.Video, "must be an .mp4 or .mov video (got .png)")]
    [TestCase("clip.mkv", PreflightInputKind.Video, "(got .mkv)")]
    public async Task An_extension_that_does_not_suit_the_kind_is_refused(string name, PreflightInputKind kind, string message)
    {
        var path = Write(name, [1]);

        var error = await Expect.ThrowsAsync<PoyoValidationException>(() => _client.UploadLocalFileAsync(path, kind));

        Assert.That(error.Failures.Single().Message, Does.Contain(message).And.StartWith(name));
        Assert.That(_server.LogEntries, Is.Empty);
    }

    [Test]
    public async Task Webp_is_accepted_for_a_kling_element_image()
    {
        await _client.UploadLocalFileAsync(Write("side.webp", [1]), PreflightInputKind.ElementImage);

        var part = (await MultipartBody.ReadAsync(_server.Requests().Single())).Single();
        Assert.That(part.ContentType, Is.EqualTo("image/webp"));
    }

    [TestCase("face.png", PreflightInputKind.Image, 10 * MiB + 1, "images up to 10,485,760 bytes")]
    [TestCase("side.jpg", PreflightInputKind.ElementImage, 10 * MiB + 1, "images up to 10,485,760 bytes")]
    [TestCase("clip.mp4", PreflightInputKind.Video, 100 * MiB + 1, "videos up to 104,857,600 bytes")]
    [TestCase("clip.mp4", PreflightInputKind.Video, 0, "is empty")]
    public async Task A_size_over_the_limit_of_the_kind_is_refused(string name, PreflightInputKind kind, long length, string message)
    {
        var path = Sparse(name, length);

        var error = await Expect.ThrowsAsync<PoyoValidationException>(() => _client.UploadLocalFileAsync(path, kind));

        Assert.That(error.Failures.Single().Message, Does.Contain(message));
        Assert.That(_server.LogEntries, Is.Empty);
    }

    [Test]
    public async Task An_image_of_exactly_10_MiB_is_sent_whole()
    {
        var path = Sparse("face.jpg", 10 * MiB);

        await _client.UploadLocalFileAsync(path, PreflightInputKind.Image);

        var part = (await MultipartBody.ReadAsync(_server.Requests().Single())).Single();
        Assert.That((part.ContentType, part.Body.LongLength), Is.EqualTo(("image/jpeg", 10 * MiB)));
    }

    [Test]
    public void Blank_paths_and_unknown_kinds_are_argument_errors()
    {
        Assert.That(() => _client.UploadLocalFileAsync(" ", PreflightInputKind.Image), Throws.ArgumentException);
        Assert.That(() => _client.UploadLocalFileAsync(Write("a.png", [1]), (PreflightInputKind)42), Throws.InstanceOf<ArgumentOutOfRangeException>());
        Assert.That(_server.LogEntries, Is.Empty);
    }
}
