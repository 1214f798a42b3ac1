namespace Poyo.OpenApi;

/// <summary>Why a PoYo callback was rejected by <see cref="PoyoWebhookVerifier"/>. Checked in this order.</summary>
public enum PoyoWebhookFailure
{
    /// <summary>No failure: the callback was verified.</summary>
    None = 0,

    /// <summary>The <c>X-Webhook-Signature</c> header is missing or blank.</summary>
    MissingSignature,

    /// <summary>The <c>X-Webhook-Timestamp</c> header is missing or blank.</summary>
    MissingTimestamp,

    /// <summary>The <c>X-Webhook-Timestamp</c> header is not a whole number of Unix seconds.</summary>
    InvalidTimestamp,

    /// <summary>The timestamp is further from now than the tolerance, in either direction (replay, delay, or a wrong clock).</summary>
    StaleTimestamp,

    /// <summary>The body is not JSON, not an object, or has no string <c>task_id</c> (neither <c>data.task_id</c> nor <c>task_id</c>).</summary>
    MalformedBody,

    /// <summary>The signature is not Base64, or does not match the task id and timestamp under the webhook secret.</summary>
    InvalidSignature,
}
