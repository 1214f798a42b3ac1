namespace Poyo.OpenApi;

/// <summary>The names of the headers PoYo signs a callback with.</summary>
public static class PoyoWebhookHeaders
{
    /// <summary><c>X-Webhook-Signature</c>: Base64(HMAC-SHA256(secret, task_id + "." + timestamp)).</summary>
    public const string Signature = "X-Webhook-Signature";

    /// <summary><c>X-Webhook-Timestamp</c>: Unix time in seconds, e.g. <c>1783680000</c>.</summary>
    public const string Timestamp = "X-Webhook-Timestamp";
}
