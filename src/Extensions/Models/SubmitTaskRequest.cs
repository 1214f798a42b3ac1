using Newtonsoft.Json;

namespace Poyo.OpenApi;

/// <summary>The body of a submit (see <c>SubmitTaskRequest</c> in openapi/poyo.yaml).</summary>
public partial class SubmitTaskRequest
{
    /// <summary>Creates an empty request; set <see cref="Model"/> and <see cref="Input"/>.</summary>
    public SubmitTaskRequest()
    {
    }

    /// <summary>Creates a <c>kling-3.0-motion-control</c> request.</summary>
    /// <param name="input">The model's input.</param>
    /// <param name="callbackUrl">Optional public HTTPS URL that PoYo POSTs to when the task ends.</param>
    public SubmitTaskRequest(KlingMotionControlInput input, Uri? callbackUrl = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        Model = KlingMotionControlInput.Model;
        Input = input;
        CallbackUrl = callbackUrl;
    }

    private string? _idempotencyKey;

    /// <summary>
    /// The <c>Idempotency-Key</c> header sent with this request: yours if you set one, else one generated on first
    /// use and kept, so sending the same request object again reuses it. Not part of the JSON body.
    /// </summary>
    [JsonIgnore]
    public string IdempotencyKey
    {
        get => _idempotencyKey ??= Guid.NewGuid().ToString("N");
        set => _idempotencyKey = string.IsNullOrWhiteSpace(value)
            ? throw new ArgumentException("An idempotency key must not be empty.", nameof(value))
            : value;
    }
}
