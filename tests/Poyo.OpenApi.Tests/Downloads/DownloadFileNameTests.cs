using NUnit.Framework;

namespace Poyo.OpenApi.Tests.Downloads;

/// <summary>Local names of output files: from the task id, plain characters only, a sensible extension.</summary>
public sealed class DownloadFileNameTests
{
    private static TaskFile File(string url, string? type = "video") => new() { FileUrl = new Uri(url, UriKind.RelativeOrAbsolute), FileType = type };

    [TestCase("task-unified-1757165031-uyujaw3d", "https://s.poyo.ai/g/video.mp4", "task-unified-1757165031-uyujaw3d.mp4")]
    [TestCase("8FDN1I7M7Q68DDG8", "https://s.poyo.ai/g/out.MOV?sig=1", "8FDN1I7M7Q68DDG8.mov")]
    [TestCase("../../x", "https://s.poyo.ai/g/v.mp4", "_.._x.mp4")]
    [TestCase("a/b\\c:d*e", "https://s.poyo.ai/g/v.mp4", "a_b_c_d_e.mp4")]
    [TestCase("..", "https://s.poyo.ai/g/clip.mp4", "clip.mp4")]
    [TestCase(null, "https://s.poyo.ai/g/..%2F..%2Fevil.mp4", "_2F.._2Fevil.mp4")]
    [TestCase("", "https://s.poyo.ai/", "poyo-output.mp4")]
    [TestCase("CON", "https://s.poyo.ai/g/v.mp4", "poyo-output-CON.mp4")]
    public void A_name_keeps_only_plain_characters(string? taskId, string url, string expected)
    {
        Assert.That(DownloadFileNames.For(taskId, File(url), 0, 1), Is.EqualTo(expected));
    }

    [TestCase("https://s.poyo.ai/g/video", "video", ".mp4")]
    [TestCase("https://s.poyo.ai/g/model", "model", ".bin")]
    [TestCase("https://s.poyo.ai/g/x.glb", "model", ".glb")]
    [TestCase("https://s.poyo.ai/g/x.mp4%00.exe", "video", ".mp4")]
    [TestCase("https://s.poyo.ai/g/x.exe", "image", ".bin")]
    public void The_extension_comes_from_the_url_else_the_file_type(string url, string type, string extension)
    {
        Assert.That(DownloadFileNames.For("t", File(url, type), 0, 1), Does.EndWith(extension).And.StartWith("t"));
    }

    [Test]
    public void Several_files_are_numbered_from_one()
    {
        Assert.That(DownloadFileNames.For("t", File("https://s/a.png", "image"), 2, 3), Is.EqualTo("t-3.png"));
    }

    [Test]
    public void A_very_long_id_is_cut()
    {
        Assert.That(DownloadFileNames.For(new string('a', 500), File("https://s/a.mp4"), 0, 1).Length, Is.EqualTo(104));
    }
}
