namespace Poyo.OpenApi.Tests.Support;

/// <summary>Requests and keys shared by tests.</summary>
internal static class TestRequests
{
    public const string ApiKey = "sk-test-0123456789abcdef";
    public const string ImageUrl = "https://storage.poyo.ai/kling-3.0-motion-control/reference-image-new.png";
    public const string VideoUrl = "https://storage.poyo.ai/kling-3.0-motion-control/reference-video-new.mp4";

    /// <summary>The docs' own minimal input.</summary>
    public static KlingMotionControlInput MinimalInput() =>
        new(new Uri(ImageUrl), new Uri(VideoUrl), CharacterOrientation.Image);

    public static SubmitTaskRequest MinimalRequest() => new(MinimalInput());

    /// <summary>
    /// A client that maps each answer once, without automatic retries: contract tests check how one exchange maps;
    /// retries are tested in Reliability/.
    /// </summary>
    public static PoyoClient ClientFor(string baseUrl, string? apiKey = ApiKey) =>
        new(new PoyoClientOptions { ApiKey = apiKey, BaseUrl = new Uri(baseUrl), Retry = NoRetries() });

    /// <summary>Retry options that turn automatic retries off.</summary>
    public static PoyoRetryOptions NoRetries() => new() { MaxRetries = 0 };
}
