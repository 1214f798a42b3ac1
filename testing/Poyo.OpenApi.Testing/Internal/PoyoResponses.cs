using System.Globalization;
using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using WireMock;
using WireMock.Types;
using WireMock.Util;

namespace Poyo.OpenApi.Testing.Internal;

/// <summary>The bodies PoYo answers with, as WireMock response messages.</summary>
internal static class PoyoResponses
{
    public const string InvalidRequestError = "invalid_request_error";
    public const string ValidationError = "validation_error";

    /// <summary>PoYo's naive UTC timestamp, e.g. <c>2025-11-12T10:30:00</c>.</summary>
    public static string Timestamp(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);

    /// <summary>A timestamp with microseconds, as PoYo's upload endpoints send, e.g. <c>2025-11-12T10:30:00.123456</c>.</summary>
    public static string PreciseTimestamp(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff", CultureInfo.InvariantCulture);

    /// <summary>The upload envelope <c>{"success":true,"code":200,"msg":…,"data":…}</c> with HTTP 200.</summary>
    public static ResponseMessage Uploaded(JObject data) =>
        Json(200, new JObject { ["success"] = true, ["code"] = 200, ["msg"] = "File uploaded successfully", ["data"] = data });

    /// <summary>An upload refused inside HTTP 200: <c>{"success":false,"code":…,"msg":…}</c>.</summary>
    public static ResponseMessage UploadRefused(int code, string message) =>
        Json(200, new JObject { ["success"] = false, ["code"] = code, ["msg"] = message });

    /// <summary>FastAPI's <c>{"detail":"…"}</c>, as the upload endpoints answer errors.</summary>
    public static ResponseMessage Detail(int httpStatus, string message) =>
        Json(httpStatus, new JObject { ["detail"] = message });

    /// <summary><c>{"code":200,"data":…}</c> with HTTP 200.</summary>
    public static ResponseMessage Data(JObject data) =>
        Json(200, new JObject { ["code"] = 200, ["data"] = data });

    /// <summary>PoYo's error envelope <c>{"code":…,"error":{"message","type"}}</c>.</summary>
    /// <param name="httpStatus">The HTTP status.</param>
    /// <param name="code">The body's <c>code</c>; PoYo may differ from the HTTP status (402 inside 200).</param>
    /// <param name="message">The error message.</param>
    /// <param name="type">The error type.</param>
    public static ResponseMessage Error(int httpStatus, int code, string message, string type) =>
        Json(httpStatus, new JObject
        {
            ["code"] = code,
            ["error"] = new JObject { ["message"] = message, ["type"] = type },
        });

    public static ResponseMessage InvalidRequest(string message) => Error(400, 400, message, InvalidRequestError);

    public static ResponseMessage Unauthorized() => Error(401, 401, "Invalid API key", "authentication_error");

    public static ResponseMessage InsufficientCredits() => Error(200, 402, "Insufficient credits", "insufficient_credits_error");

    public static ResponseMessage NotFound(string message) => Error(404, 404, message, "not_found_error");

    /// <summary>An armed failure as its response.</summary>
    public static ResponseMessage For(InjectedFailure failure) => failure switch
    {
        InjectedFailure.ServerError { HtmlBody: true } error => Html(error.StatusCode),
        InjectedFailure.ServerError error => Error(error.StatusCode, error.StatusCode, ServerErrorMessage(error.StatusCode), "server_error"),
        InjectedFailure.RateLimited limited => RateLimited(limited.RetryAfterSeconds),
        InjectedFailure.Unauthorized => Unauthorized(),
        InjectedFailure.InsufficientCredits => InsufficientCredits(),
        _ => throw new ArgumentOutOfRangeException(nameof(failure), failure, "Unknown failure."),
    };

    /// <summary>Raw bytes with a content type (the placeholder output files).</summary>
    public static ResponseMessage Bytes(byte[] body, string contentType) => new()
    {
        StatusCode = 200,
        Headers = new Dictionary<string, WireMockList<string>> { ["Content-Type"] = new(contentType) },
        BodyData = new BodyData { DetectedBodyType = BodyType.Bytes, BodyAsBytes = body },
    };

    private static ResponseMessage RateLimited(int? retryAfterSeconds)
    {
        var response = Error(429, 429, "Too many requests, please slow down", "rate_limit_error");
        if (retryAfterSeconds is { } seconds)
        {
            response.Headers!["Retry-After"] = new WireMockList<string>(seconds.ToString(CultureInfo.InvariantCulture));
        }

        return response;
    }

    private static string ServerErrorMessage(int statusCode) => statusCode switch
    {
        502 => "Bad gateway",
        503 => "Service temporarily unavailable",
        504 => "Gateway timeout",
        _ => "Internal server error",
    };

    private static ResponseMessage Html(int statusCode)
    {
        var title = string.Create(CultureInfo.InvariantCulture, $"{statusCode} {ServerErrorMessage(statusCode)}");
        return Text(statusCode, $"<html><head><title>{title}</title></head><body><center><h1>{title}</h1></center><hr><center>nginx</center></body></html>", "text/html; charset=utf-8");
    }

    public static ResponseMessage Json(int httpStatus, JObject body) =>
        Text(httpStatus, body.ToString(Formatting.None), "application/json");

    private static ResponseMessage Text(int httpStatus, string body, string contentType) => new()
    {
        StatusCode = httpStatus,
        Headers = new Dictionary<string, WireMockList<string>> { ["Content-Type"] = new(contentType) },
        BodyData = new BodyData { DetectedBodyType = BodyType.String, BodyAsString = body, Encoding = Encoding.UTF8 },
    };
}
