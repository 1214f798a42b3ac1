using NUnit.Framework;
using Poyo.OpenApi.Tests.Support;

namespace Poyo.OpenApi.Tests.Validation;

/// <summary>Every rule just inside and just outside its boundary, with the wire path and message a user sees.</summary>
public sealed class ValidationRuleTests
{
    private static KlingMotionControlInput Input(string image = TestRequests.ImageUrl, string video = TestRequests.VideoUrl, CharacterOrientation orientation = CharacterOrientation.Image) =>
        new(new Uri(image, UriKind.RelativeOrAbsolute), new Uri(video, UriKind.RelativeOrAbsolute), orientation);

    private static List<string> Failures(KlingMotionControlInput input, Uri? callback = null) =>
        Failures(new SubmitTaskRequest(input, callback));

    /// <summary>The validator's failures; also asserts that the client's fast path agrees with it on this request.</summary>
    private static List<string> Failures(SubmitTaskRequest request)
    {
        var result = SubmitTaskRequestValidator.Instance.Validate(request);
        Assert.That(SubmitTaskRequestFastCheck.IsCertainlyValid(request), Is.EqualTo(result.IsValid), "the fast path disagrees with the validator");
        return result.Errors.Select(e => $"{e.PropertyName}: {e.ErrorMessage}").ToList();
    }

    private static KlingElement Element(string frontal = "https://cdn.example/front.webp", params string[] references) => new()
    {
        FrontalImageUrl = new Uri(frontal, UriKind.RelativeOrAbsolute),
        ReferenceImageUrls = (references.Length == 0 ? ["https://cdn.example/side.png"] : references).Select(r => new Uri(r, UriKind.RelativeOrAbsolute)).ToList(),
    };

    [Test]
    public void The_docs_example_is_valid() => Assert.That(Failures(Input()), Is.Empty);

    [TestCase("https://cdn.example/a.jpg")]
    [TestCase("https://cdn.example/a.jpeg")]
    [TestCase("https://cdn.example/a.PNG?sig=1")]
    [TestCase("http://cdn.example/dir.v2/a.png#frag")]
    public void Image_extensions_that_pass(string url) => Assert.That(Failures(Input(image: url)), Is.Empty);

    [TestCase("https://cdn.example/a.gif", "input.image_urls[0]: must be a .jpg, .jpeg or .png file (got .gif)")]
    [TestCase("https://cdn.example/a.webp", "input.image_urls[0]: must be a .jpg, .jpeg or .png file (got .webp)")]
    [TestCase("https://cdn.example/png", "input.image_urls[0]: must be a .jpg, .jpeg or .png file (got no extension)")]
    [TestCase("https://cdn.example/a.png.exe", "input.image_urls[0]: must be a .jpg, .jpeg or .png file (got .exe)")]
    [TestCase("ftp://cdn.example/a.png", "input.image_urls[0]: must be an absolute http(s) URL (got scheme 'ftp')")]
    [TestCase("/relative/a.png", "input.image_urls[0]: must be an absolute http(s) URL (got '/relative/a.png')")]
    [TestCase("", "input.image_urls[0]: must not be empty or whitespace")]
    [TestCase("   ", "input.image_urls[0]: must not be empty or whitespace")]
    public void Image_urls_that_fail(string url, string expected) => Assert.That(Failures(Input(image: url)), Is.EqualTo(new[] { expected }));

    [TestCase("https://cdn.example/v.mp4")]
    [TestCase("https://cdn.example/v.MOV?X-Amz-Signature=abc")]
    public void Video_extensions_that_pass(string url) => Assert.That(Failures(Input(video: url)), Is.Empty);

    [TestCase("https://cdn.example/v.avi", "input.video_urls[0]: must be an .mp4 or .mov file (got .avi)")]
    [TestCase("https://cdn.example/v.mkv", "input.video_urls[0]: must be an .mp4 or .mov file (got .mkv)")]
    public void Video_urls_that_fail(string url, string expected) => Assert.That(Failures(Input(video: url)), Is.EqualTo(new[] { expected }));

    [Test]
    public void A_null_url_is_a_failure_not_a_crash()
    {
        var input = Input();
        input.VideoUrls[0] = null!;

        Assert.That(Failures(input), Is.EqualTo(new[] { "input.video_urls[0]: must not be null" }));
    }

    [Test]
    public void Exactly_one_image_and_one_video()
    {
        var two = Input();
        two.ImageUrls.Add(new Uri("https://cdn.example/b.png"));
        var none = Input();
        none.VideoUrls.Clear();
        var missing = Input();
        missing.ImageUrls = null!;

        Assert.That(Failures(two), Is.EqualTo(new[] { "input.image_urls: must hold exactly one image URL (got 2)" }));
        Assert.That(Failures(none), Is.EqualTo(new[] { "input.video_urls: must hold exactly one video URL (got 0)" }));
        Assert.That(Failures(missing), Is.EqualTo(new[] { "input.image_urls: must hold exactly one image URL (got none)" }));
    }

    [Test]
    public void Orientation_must_be_image_or_video()
    {
        Assert.That(Failures(Input(orientation: CharacterOrientation.Video)), Is.Empty);
        Assert.That(Failures(Input(orientation: (CharacterOrientation)2)), Is.EqualTo(new[] { "input.character_orientation: must be image or video" }));
    }

    [Test]
    public void Prompt_is_optional_may_be_empty_and_has_at_most_2500_code_points()
    {
        string Prompted(string? prompt) => string.Join("|", Failures(WithPrompt(prompt)));
        static KlingMotionControlInput WithPrompt(string? prompt)
        {
            var input = Input();
            input.Prompt = prompt;
            return input;
        }

        Assert.That(Prompted(null), Is.Empty);
        Assert.That(Prompted(""), Is.Empty);
        Assert.That(Prompted(new string('a', 2500)), Is.Empty);
        Assert.That(Prompted(string.Concat(Enumerable.Repeat("😀", 2500))), Is.Empty, "2,500 emoji are 5,000 UTF-16 units but 2,500 characters");
        Assert.That(Prompted(new string('a', 2501)), Does.StartWith("input.prompt: must be at most 2500 characters"));
        Assert.That(Prompted(string.Concat(Enumerable.Repeat("😀", 2501))), Does.StartWith("input.prompt: must be at most 2500 characters"));
    }

    [Test]
    public void Resolution_is_optional_and_720p_or_1080p()
    {
        var unset = Input();
        var hd = Input();
        hd.Resolution = Resolution.Hd1080;
        var bad = Input();
        bad.Resolution = (Resolution)9;

        Assert.That(Failures(unset), Is.Empty);
        Assert.That(Failures(hd), Is.Empty);
        Assert.That(Failures(bad), Is.EqualTo(new[] { "input.resolution: must be 720p or 1080p" }));
    }

    [Test]
    public void One_kling_element_with_video_orientation_and_a_prompt_that_names_it_is_valid()
    {
        var input = Input(orientation: CharacterOrientation.Video);
        input.Prompt = "@Element1 waves";
        input.KlingElements = [Element("https://cdn.example/front.webp", "https://cdn.example/1.jpg", "https://cdn.example/2.jpeg", "https://cdn.example/3.WEBP")];

        Assert.That(Failures(input), Is.Empty);
    }

    [Test]
    public void Kling_elements_break_at_each_boundary()
    {
        var two = Input(orientation: CharacterOrientation.Video);
        two.Prompt = "@Element1";
        two.KlingElements = [Element(), Element()];
        var imageOrientation = Input(orientation: CharacterOrientation.Image);
        imageOrientation.Prompt = "@Element1";
        imageOrientation.KlingElements = [Element()];
        var unnamed = Input(orientation: CharacterOrientation.Video);
        unnamed.KlingElements = [Element()];
        var fourReferences = Input(orientation: CharacterOrientation.Video);
        fourReferences.Prompt = "@element1";
        fourReferences.KlingElements = [Element("https://cdn.example/f.png", "https://cdn.example/1.png", "https://cdn.example/2.png", "https://cdn.example/3.png", "https://cdn.example/4.png")];
        var noReferences = Input(orientation: CharacterOrientation.Video);
        noReferences.Prompt = "@Element1";
        noReferences.KlingElements = [new KlingElement { FrontalImageUrl = new Uri("https://cdn.example/f.gif"), ReferenceImageUrls = [] }];

        Assert.That(Failures(two), Is.EqualTo(new[] { "input.kling_elements: must hold at most one element (got 2)" }));
        Assert.That(Failures(imageOrientation), Is.EqualTo(new[] { "input.kling_elements: are only allowed with character_orientation video" }));
        Assert.That(Failures(unnamed), Has.Exactly(1).StartsWith("input.kling_elements: need the prompt to refer to the element as @Element1"));
        Assert.That(Failures(fourReferences), Is.EqualTo(new[] { "input.kling_elements[0].reference_image_urls: must hold 1 to 3 image URLs (got 4)" }));
        Assert.That(Failures(noReferences), Is.EquivalentTo(new[]
        {
            "input.kling_elements[0].frontal_image_url: must be a .jpg, .jpeg, .png or .webp file (got .gif)",
            "input.kling_elements[0].reference_image_urls: must hold 1 to 3 image URLs (got 0)",
        }));
    }

    [TestCase("https://hooks.example.com/poyo")]
    [TestCase("https://8.8.8.8/cb")]
    [TestCase("https://[2001:4860:4860::8888]/cb")]
    public void Callback_urls_that_pass(string url) => Assert.That(Failures(Input(), new Uri(url)), Is.Empty);

    [TestCase("http://hooks.example.com/poyo", "must be an absolute https URL (got scheme 'http')")]
    [TestCase("https://localhost/cb", "must be a public host PoYo can reach (got localhost")]
    [TestCase("https://app.localhost/cb", "must be a public host PoYo can reach")]
    [TestCase("https://127.0.0.1/cb", "must be a public host PoYo can reach")]
    [TestCase("https://[::1]/cb", "must be a public host PoYo can reach")]
    [TestCase("https://10.0.0.5/cb", "must be a public host PoYo can reach")]
    [TestCase("https://172.16.0.1/cb", "must be a public host PoYo can reach")]
    [TestCase("https://172.31.255.255/cb", "must be a public host PoYo can reach")]
    [TestCase("https://192.168.1.1/cb", "must be a public host PoYo can reach")]
    [TestCase("https://169.254.169.254/cb", "must be a public host PoYo can reach")]
    [TestCase("https://[fe80::1]/cb", "must be a public host PoYo can reach")]
    [TestCase("https://[fd00::1]/cb", "must be a public host PoYo can reach")]
    [TestCase("https://[::ffff:192.168.0.1]/cb", "must be a public host PoYo can reach")]
    public void Callback_urls_that_fail(string url, string expected) =>
        Assert.That(Failures(Input(), new Uri(url)), Has.Exactly(1).StartsWith("callback_url: " + expected));

    [TestCase("https://172.15.0.1/cb")]
    [TestCase("https://172.32.0.1/cb")]
    public void Public_addresses_next_to_private_ranges_pass(string url) => Assert.That(Failures(Input(), new Uri(url)), Is.Empty);

    [Test]
    public void The_model_must_be_kling_motion_control() =>
        Assert.That(Failures(new SubmitTaskRequest(Input()) { Model = (ModelName)5 }), Has.Exactly(1).StartsWith("model: must be kling-3.0-motion-control"));

    [Test]
    public void A_missing_input_is_a_failure() =>
        Assert.That(Failures(new SubmitTaskRequest { Input = null! }), Is.EqualTo(new[] { "input: must not be null" }));

    [Test]
    public void Every_failure_is_listed_at_once()
    {
        var input = Input(image: "https://cdn.example/a.gif", video: "https://cdn.example/v.avi", orientation: (CharacterOrientation)7);
        input.Prompt = new string('x', 2501);

        Assert.That(Failures(input, new Uri("https://localhost/cb")), Has.Count.EqualTo(5));
    }
}
