using Microsoft.Extensions.Time.Testing;

namespace Poyo.OpenApi.Tests.Webhooks;

/// <summary>
/// Known-answer vectors, computed independently of this library at authoring time with:
/// <code>
/// python3 -c 'import hmac,hashlib,base64; print(base64.b64encode(hmac.new(SECRET.encode("utf-8"),
///     (TASK_ID + "." + TIMESTAMP).encode("utf-8"), hashlib.sha256).digest()).decode())'
/// </code>
/// </summary>
internal static class WebhookTestData
{
    public const string Secret = "whsec_test_5f3a9c";
    public const string Timestamp = "1783680000";
    public static readonly DateTimeOffset SentAt = DateTimeOffset.FromUnixTimeSeconds(1783680000);

    public const string TaskId = "task-unified-1757165031-uyujaw3d";

    /// <summary>Secret "whsec_test_5f3a9c", message "task-unified-1757165031-uyujaw3d.1783680000".</summary>
    public const string Signature = "dBvmWPh/n74bMNf8Qxp1Aq7c0h3WBXuigQZrlf8fHug=";

    public const string FailedTaskId = "8FDN1I7M7Q68DDG8";

    /// <summary>Secret "whsec_test_5f3a9c", message "8FDN1I7M7Q68DDG8.1783680000".</summary>
    public const string FailedSignature = "MGuCr3Le+UUVZalWBCspxc0WBeylpTZ7sMd1v6B3TYU=";

    public const string Utf8Secret = "sécret-ключ-🔑";
    public const string Utf8TaskId = "tâche-42";

    /// <summary>Secret "sécret-ключ-🔑", message "tâche-42.1783680000", both as UTF-8 bytes.</summary>
    public const string Utf8Signature = "wdxt236r89DZgnkyVNkaYGpbdhFeg+zOYe9VEzKF6kI=";

    /// <summary>The envelope shape of older material and PoYo's examples.</summary>
    public const string EnvelopeBody = """
        {"code":200,"data":{"task_id":"task-unified-1757165031-uyujaw3d","status":"finished","progress":100,
         "files":[{"file_url":"https://storage.poyo.ai/generated/video.mp4","file_type":"video"}],
         "created_time":"2025-11-12T10:30:00","error_message":null,"credits_amount":12.5}}
        """;

    /// <summary>The bare task, as the current webhook page shows it.</summary>
    public const string BareBody = """
        {"task_id":"8FDN1I7M7Q68DDG8","status":"failed","files":[],"created_time":"2025-11-25T08:50:13.123456Z",
         "error_message":"The prompt violates our content policy"}
        """;

    public static FakeTimeProvider ClockAt(DateTimeOffset now) => new(now);

    public static PoyoWebhookVerifier Verifier(TimeProvider? clock = null, string secret = Secret, TimeSpan? tolerance = null)
    {
        var options = new PoyoWebhookOptions { TimeProvider = clock ?? ClockAt(SentAt) };
        if (tolerance is { } value)
        {
            options.Tolerance = value;
        }

        return new PoyoWebhookVerifier(secret, options);
    }
}
