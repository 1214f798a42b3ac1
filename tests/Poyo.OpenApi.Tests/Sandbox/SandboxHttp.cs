using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Poyo.OpenApi.Testing;

namespace Poyo.OpenApi.Tests.Sandbox;

/// <summary>Raw HTTP access to a sandbox, so its wire behaviour is tested without the client in between.</summary>
internal static class SandboxHttp
{
    public const string ImageUrl = "https://storage.poyo.ai/kling-3.0-motion-control/reference-image-new.png";
    public const string VideoUrl = "https://storage.poyo.ai/kling-3.0-motion-control/reference-video-new.mp4";

    /// <summary>An HttpClient aimed at the sandbox, sending <paramref name="apiKey"/> (the sandbox's own when null).</summary>
    public static HttpClient Client(PoyoSandbox sandbox, string? apiKey = null)
    {
        var client = new HttpClient { BaseAddress = sandbox.Url };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey ?? sandbox.ApiKey);
        return client;
    }

    /// <summary>The docs' own example body.</summary>
    public static JsonObject ValidBody() => new()
    {
        ["model"] = "kling-3.0-motion-control",
        ["callback_url"] = "https://your-domain.com/callback",
        ["input"] = new JsonObject
        {
            ["image_urls"] = new JsonArray(ImageUrl),
            ["video_urls"] = new JsonArray(VideoUrl),
            ["character_orientation"] = "image",
            ["resolution"] = "720p",
        },
    };

    public static Task<HttpResponseMessage> SubmitAsync(this HttpClient client, JsonNode body, string? idempotencyKey = null) =>
        client.SubmitRawAsync(body.ToJsonString(), idempotencyKey);

    public static Task<HttpResponseMessage> SubmitRawAsync(this HttpClient client, string body, string? idempotencyKey = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "api/generate/submit")
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return client.SendAsync(request);
    }

    public static Task<HttpResponseMessage> StatusAsync(this HttpClient client, string taskId) =>
        client.GetAsync("api/generate/status/" + Uri.EscapeDataString(taskId));

    public static async Task<JsonObject> JsonAsync(this HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();

    /// <summary>Submits the valid body and returns the new task id.</summary>
    public static async Task<string> SubmitValidAsync(this HttpClient client)
    {
        using var response = await client.SubmitAsync(ValidBody());
        var json = await response.JsonAsync();
        return (string)json["data"]!["task_id"]!;
    }

    /// <summary>Polls once and returns <c>data</c>.</summary>
    public static async Task<JsonObject> PollAsync(this HttpClient client, string taskId)
    {
        using var response = await client.StatusAsync(taskId);
        var json = await response.JsonAsync();
        return json["data"]!.AsObject();
    }
}
