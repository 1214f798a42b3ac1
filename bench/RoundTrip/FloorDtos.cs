using Newtonsoft.Json;

namespace Poyo.OpenApi.Benchmarks.RoundTrip;

// The floor's hand-written DTOs: only what a careful hand-written client would map, nothing generated.
#pragma warning disable CA1812, CA1056, CA1002, CA2227 // Instantiated by Json.NET; plain DTO shapes on purpose.

public sealed class FloorSubmitRequest
{
    [JsonProperty("model")]
    public string Model { get; set; } = "kling-3.0-motion-control";

    [JsonProperty("callback_url", NullValueHandling = NullValueHandling.Ignore)]
    public string? CallbackUrl { get; set; }

    [JsonProperty("input")]
    public FloorMotionControlInput Input { get; set; } = new();
}

public sealed class FloorMotionControlInput
{
    [JsonProperty("image_urls")]
    public List<string> ImageUrls { get; set; } = [];

    [JsonProperty("video_urls")]
    public List<string> VideoUrls { get; set; } = [];

    [JsonProperty("character_orientation")]
    public string CharacterOrientation { get; set; } = "image";

    [JsonProperty("resolution", NullValueHandling = NullValueHandling.Ignore)]
    public string? Resolution { get; set; }

    [JsonProperty("prompt", NullValueHandling = NullValueHandling.Ignore)]
    public string? Prompt { get; set; }
}

public sealed class FloorEnvelope<TData>
{
    [JsonProperty("code")]
    public int Code { get; set; }

    [JsonProperty("data")]
    public TData? Data { get; set; }

    [JsonProperty("error")]
    public FloorError? Error { get; set; }
}

public sealed class FloorError
{
    [JsonProperty("message")]
    public string? Message { get; set; }

    [JsonProperty("type")]
    public string? Type { get; set; }
}

public sealed class FloorTask
{
    [JsonProperty("task_id")]
    public string? TaskId { get; set; }

    [JsonProperty("status")]
    public string? Status { get; set; }

    [JsonProperty("progress")]
    public int? Progress { get; set; }

    [JsonProperty("files")]
    public List<FloorFile>? Files { get; set; }

    // Typed like ours and the peer's, so that all three hand back the same parsed result.
    [JsonProperty("created_time")]
    public DateTimeOffset? CreatedTime { get; set; }

    [JsonProperty("error_message")]
    public string? ErrorMessage { get; set; }
}

public sealed class FloorFile
{
    [JsonProperty("file_url")]
    public string? FileUrl { get; set; }

    [JsonProperty("file_type")]
    public string? FileType { get; set; }
}
