using System.Net;
using System.Text.Json.Nodes;
using NUnit.Framework;
using Poyo.OpenApi.Testing;

namespace Poyo.OpenApi.Tests.Sandbox;

/// <summary>The submit body checks: PoYo's rules for kling-3.0-motion-control, answered with 400 invalid_request_error.</summary>
public class SandboxValidationTests
{
    private static JsonObject Input(JsonObject body) => body["input"]!.AsObject();

    private static IEnumerable<TestCaseData> InvalidBodies()
    {
        TestCaseData Case(string name, Action<JsonObject> change, string messagePart)
        {
            var body = SandboxHttp.ValidBody();
            change(body);
            return new TestCaseData(body.ToJsonString(), messagePart).SetName("Rejects " + name);
        }

        yield return Case("a missing model", body => body.Remove("model"), "model");
        yield return Case("another model", body => body["model"] = "kling-2.6-motion-control", "model");
        yield return Case("a missing input", body => body.Remove("input"), "input");
        yield return Case("input that is not an object", body => body["input"] = "x", "input");
        yield return Case("missing image_urls", body => Input(body).Remove("image_urls"), "image_urls");
        yield return Case("two images", body => Input(body)["image_urls"] = new JsonArray(SandboxHttp.ImageUrl, SandboxHttp.ImageUrl), "image_urls");
        yield return Case("no image", body => Input(body)["image_urls"] = new JsonArray(), "image_urls");
        yield return Case("a gif image", body => Input(body)["image_urls"] = new JsonArray("https://x.test/a.gif"), "image_urls");
        yield return Case("a webp reference image", body => Input(body)["image_urls"] = new JsonArray("https://x.test/a.webp"), "image_urls");
        yield return Case("an ftp image", body => Input(body)["image_urls"] = new JsonArray("ftp://x.test/a.png"), "image_urls");
        yield return Case("a relative image", body => Input(body)["image_urls"] = new JsonArray("/a.png"), "image_urls");
        yield return Case("missing video_urls", body => Input(body).Remove("video_urls"), "video_urls");
        yield return Case("two videos", body => Input(body)["video_urls"] = new JsonArray(SandboxHttp.VideoUrl, SandboxHttp.VideoUrl), "video_urls");
        yield return Case("an mkv video", body => Input(body)["video_urls"] = new JsonArray("https://x.test/a.mkv"), "video_urls");
        yield return Case("a missing orientation", body => Input(body).Remove("character_orientation"), "character_orientation");
        yield return Case("an unknown orientation", body => Input(body)["character_orientation"] = "portrait", "character_orientation");
        yield return Case("a prompt of 2501 characters", body => Input(body)["prompt"] = new string('a', 2501), "prompt");
        yield return Case("a prompt that is not text", body => Input(body)["prompt"] = 5, "prompt");
        yield return Case("resolution 4k", body => Input(body)["resolution"] = "4k", "resolution");
        yield return Case("an http callback", body => body["callback_url"] = "http://your-domain.com/callback", "callback_url");
        yield return Case("a callback that is not a URL", body => body["callback_url"] = "callback", "callback_url");
        yield return Case("kling_elements with orientation image", body => Input(body)["kling_elements"] = new JsonArray(Element()), "kling_elements");
        yield return Case("two kling_elements", body =>
        {
            Input(body)["character_orientation"] = "video";
            Input(body)["kling_elements"] = new JsonArray(Element(), Element());
        }, "kling_elements");
        yield return Case("an element without a frontal image", body =>
        {
            Input(body)["character_orientation"] = "video";
            var element = Element();
            element.Remove("frontal_image_url");
            Input(body)["kling_elements"] = new JsonArray(element);
        }, "frontal_image_url");
        yield return Case("an element with four reference images", body =>
        {
            Input(body)["character_orientation"] = "video";
            var element = Element();
            element["reference_image_urls"] = new JsonArray("https://x.test/1.png", "https://x.test/2.png", "https://x.test/3.png", "https://x.test/4.png");
            Input(body)["kling_elements"] = new JsonArray(element);
        }, "reference_image_urls");
    }

    private static IEnumerable<TestCaseData> ValidBodies()
    {
        TestCaseData Case(string name, Action<JsonObject> change)
        {
            var body = SandboxHttp.ValidBody();
            change(body);
            return new TestCaseData(body.ToJsonString()).SetName("Accepts " + name);
        }

        yield return Case("the docs' example", _ => { });
        yield return Case("no callback and no resolution", body =>
        {
            body.Remove("callback_url");
            Input(body).Remove("resolution");
        });
        yield return Case("1080p, a .JPEG with a query and a .mov", body =>
        {
            Input(body)["resolution"] = "1080p";
            Input(body)["image_urls"] = new JsonArray("http://x.test/photo.JPEG?sig=abc");
            Input(body)["video_urls"] = new JsonArray("https://x.test/clip.mov#t=1");
        });
        yield return Case("an empty prompt", body => Input(body)["prompt"] = "");
        yield return Case("a prompt of exactly 2500 characters", body => Input(body)["prompt"] = new string('a', 2500));
        yield return Case("2500 emoji, each counted once", body => Input(body)["prompt"] = string.Concat(Enumerable.Repeat("😀", 2500)));
        yield return Case("one kling element with orientation video", body =>
        {
            Input(body)["character_orientation"] = "video";
            Input(body)["prompt"] = "@Element1 dances";
            Input(body)["kling_elements"] = new JsonArray(Element());
        });
        yield return Case("unknown fields, ignored", body => body["extra"] = true);
    }

    private static JsonObject Element() => new()
    {
        ["frontal_image_url"] = "https://x.test/front.webp",
        ["reference_image_urls"] = new JsonArray("https://x.test/left.png", "https://x.test/right.jpg"),
    };

    [TestCaseSource(nameof(InvalidBodies))]
    public async Task Invalid_bodies_get_400_invalid_request_error(string body, string messagePart)
    {
        using var sandbox = PoyoSandbox.Start();
        using var http = SandboxHttp.Client(sandbox);

        using var response = await http.SubmitRawAsync(body);
        var json = await response.JsonAsync();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That((int)json["code"]!, Is.EqualTo(400));
        Assert.That((string)json["error"]!["type"]!, Is.EqualTo("invalid_request_error"));
        Assert.That((string)json["error"]!["message"]!, Does.Contain(messagePart));
        Assert.That(sandbox.Tasks, Is.Empty);
        Assert.That(sandbox.SubmitCount, Is.EqualTo(1));
    }

    [TestCaseSource(nameof(ValidBodies))]
    public async Task Valid_bodies_create_a_task(string body)
    {
        using var sandbox = PoyoSandbox.Start();
        using var http = SandboxHttp.Client(sandbox);

        using var response = await http.SubmitRawAsync(body);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        Assert.That(sandbox.Tasks, Has.Count.EqualTo(1));
    }

    [TestCase("")]
    [TestCase("not json")]
    [TestCase("[1,2]")]
    [TestCase("{\"model\":")]
    public async Task Bodies_that_are_not_a_json_object_get_400(string body)
    {
        using var sandbox = PoyoSandbox.Start();
        using var http = SandboxHttp.Client(sandbox);

        using var response = await http.SubmitRawAsync(body);
        var json = await response.JsonAsync();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That((string)json["error"]!["type"]!, Is.EqualTo("invalid_request_error"));
    }

    [Test]
    public async Task The_key_is_checked_before_the_body()
    {
        using var sandbox = PoyoSandbox.Start();
        using var http = SandboxHttp.Client(sandbox, apiKey: "wrong");

        using var response = await http.SubmitRawAsync("not json");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }
}
