using Poyo.OpenApi.Benchmarks.Infrastructure;

namespace Poyo.OpenApi.Benchmarks.RoundTrip;

/// <summary>One way of making the two calls against the canned server: the floor, the peer or ours.</summary>
public abstract class RoundTripVariant : IDisposable
{
    public const string ApiKey = "bench-key";
    public const string TaskId = "task-unified-1757165031-uyujaw3d";
    public const string ImageUrl = "https://storage.poyo.ai/kling-3.0-motion-control/reference-image-new.png";
    public const string VideoUrl = "https://storage.poyo.ai/kling-3.0-motion-control/reference-video-new.mp4";

    public abstract string Name { get; }

    /// <summary>Submits the docs' example request; returns the task id read back.</summary>
    public abstract Task<string?> SubmitAsync();

    /// <summary>Reads the status of <see cref="TaskId"/>; returns the status read back.</summary>
    public abstract Task<string?> StatusAsync();

    public abstract void Dispose();

    /// <summary>The three, each with its own <see cref="HttpClient"/> (same default handler) to <paramref name="baseUrl"/>.</summary>
    public static RoundTripVariant[] All(Uri baseUrl) => [new FloorVariant(baseUrl), new PeerVariant(baseUrl), new OursVariant(baseUrl)];
}

/// <summary>Raw HttpClient and hand-written DTOs.</summary>
public sealed class FloorVariant(Uri baseUrl, HttpClient? http = null) : RoundTripVariant
{
    private readonly HttpClient _http = http ?? new();
    private readonly FloorSubmitRequest _request = new()
    {
        Input = new FloorMotionControlInput { ImageUrls = [ImageUrl], VideoUrls = [VideoUrl], CharacterOrientation = "image", Resolution = "720p" },
    };

    private readonly string _idempotencyKey = Guid.NewGuid().ToString("N");

    private FloorClient Client => field ??= new FloorClient(_http, baseUrl, ApiKey);

    public override string Name => "floor";

    public override async Task<string?> SubmitAsync() => (await Client.SubmitAsync(_request, _idempotencyKey).ConfigureAwait(false)).TaskId;

    public override async Task<string?> StatusAsync() => (await Client.GetStatusAsync(TaskId).ConfigureAwait(false)).Status;

    public override void Dispose() => _http.Dispose();
}

/// <summary>A plain NSwag client of the same spec with default settings; key and user agent as default headers.</summary>
public sealed class PeerVariant : RoundTripVariant
{
    private readonly HttpClient _http;
    private readonly Plain.PlainPoyoClient _client;
    private readonly string _idempotencyKey = Guid.NewGuid().ToString("N");
    private readonly Plain.SubmitTaskRequest _request = new()
    {
        Model = Plain.ModelName.KlingMotionControl30,
        Input = new Plain.KlingMotionControlInput
        {
            Image_urls = [new Uri(ImageUrl)],
            Video_urls = [new Uri(VideoUrl)],
            Character_orientation = Plain.CharacterOrientation.Image,
            Resolution = Plain.Resolution.Hd720,
        },
    };

    public PeerVariant(Uri baseUrl, HttpClient? http = null)
    {
        _http = http ?? new HttpClient();
        _http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", ApiKey);
        _http.DefaultRequestHeaders.UserAgent.Add(new System.Net.Http.Headers.ProductInfoHeaderValue("Poyo.Plain", "1.0.0"));
        _client = new Plain.PlainPoyoClient(_http) { BaseUrl = baseUrl.AbsoluteUri };
    }

    public override string Name => "peer";

    public override async Task<string?> SubmitAsync() => (await _client.SubmitTaskAsync(_idempotencyKey, _request).ConfigureAwait(false)).Data.Task_id;

    public override async Task<string?> StatusAsync() => (await _client.GetTaskStatusAsync(TaskId).ConfigureAwait(false)).Data.Status;

    public override void Dispose() => _http.Dispose();
}

/// <summary>Our <see cref="PoyoClient"/> as shipped: validation on, its own HttpClient, logging on once it exists.</summary>
public sealed class OursVariant(Uri baseUrl, HttpClient? http = null, bool validate = true) : RoundTripVariant
{
    private readonly PoyoClient _client = http is null
        ? new(OurOptions.For(baseUrl, validate: validate))
        : new(http, OurOptions.For(baseUrl, validate: validate));
    private readonly SubmitTaskRequest _request = new(new KlingMotionControlInput(new Uri(ImageUrl), new Uri(VideoUrl), CharacterOrientation.Image)
    {
        Resolution = Resolution.Hd720,
    });

    public override string Name => "ours";

    public override async Task<string?> SubmitAsync() => (await _client.SubmitTaskAsync(_request).ConfigureAwait(false)).TaskId;

    public override async Task<string?> StatusAsync() => (await _client.GetTaskAsync(TaskId).ConfigureAwait(false)).RawStatus;

    public override void Dispose() => _client.Dispose();
}

/// <summary>The one place the benchmarks configure our client.</summary>
public static class OurOptions
{
    public static PoyoClientOptions For(Uri baseUrl, PoyoWaitOptions? waiting = null, TimeProvider? time = null, bool validate = true)
    {
        var options = new PoyoClientOptions
        {
            ApiKey = RoundTripVariant.ApiKey,
            BaseUrl = baseUrl,
            ValidateRequests = validate,
            Waiting = waiting ?? new PoyoWaitOptions(),
            TimeProvider = time ?? TimeProvider.System,

            // Logging on at Information, as an app runs it; the retry pipeline for reads is on by default.
            LoggerFactory = DiscardingLoggerFactory.Information,
        };

        return options;
    }
}
