using System.Globalization;
using WireMock.ResponseBuilders;

namespace Poyo.OpenApi.Tests.Reliability;

/// <summary>
/// The fault matrix. Status reads are retried up to 3 times (4 requests) on transient failures; a submit reaches the
/// server at most once. docs/reliability.md shows this table; FaultMatrixTests checks the two agree.
/// </summary>
internal static class FaultCases
{
    public const int MaxResponseBytes = 64 * 1024;
    public const string TaskId = "task-fault-1";

    public static readonly FaultCase[] All =
    [
        new("connection refused (nothing listens)", "Network", 0, "Network", 0)
        {
            Responses = (_, _) => [],
            NothingListens = true,
        },
        new("connection reset after the request was read", "Network, outcome unknown", 1, "Network", 4)
        {
            Responses = (_, _) => [],
            RawReplyThenReset = "",
        },
        new("200 headers, then reset mid-body", "Network, outcome unknown", 1, "Network", 4)
        {
            Responses = (_, _) => [],
            RawReplyThenReset = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 400\r\n\r\n{\"code\":200,\"data\":{\"task_",
        },
        new("200 with an empty body (WireMock EMPTY_RESPONSE)", "UnexpectedResponse, outcome unknown", 1, "UnexpectedResponse", 1)
        {
            Responses = (_, _) => [Response.Create().WithFault(FaultType.EMPTY_RESPONSE)],
        },
        new("200 with random bytes (WireMock MALFORMED_RESPONSE_CHUNK)", "UnexpectedResponse, outcome unknown", 1, "UnexpectedResponse", 1)
        {
            Responses = (_, _) => [Response.Create().WithFault(FaultType.MALFORMED_RESPONSE_CHUNK)],
        },
        new("200 with truncated JSON", "UnexpectedResponse, outcome unknown", 1, "UnexpectedResponse", 1)
        {
            Responses = (endpoint, _) => [Json(200, Success(endpoint)[..^7])],
        },
        new("HTML 502 page", "Server, outcome unknown", 1, "Server", 4)
        {
            Responses = (_, _) => [Response.Create().WithStatusCode(502).WithHeader("Content-Type", "text/html").WithBody("<html><body><h1>502 Bad Gateway</h1></body></html>")],
        },
        new("200 with error code 402 in the body", "InsufficientCredits", 1, "InsufficientCredits", 1)
        {
            Responses = (_, _) => [Json(200, """{"code":402,"error":{"type":"insufficient_credits_error","message":"Not enough credits"}}""")],
        },
        new("200 with error code 500 in the body", "Server, outcome unknown", 1, "Server", 4)
        {
            Responses = (_, _) => [Json(200, """{"code":500,"error":{"type":"api_error","message":"Internal error"}}""")],
        },
        new("408 Request Timeout", "Timeout", 1, "Timeout", 4)
        {
            Responses = (_, _) => [Json(408, """{"code":408,"error":{"message":"Request timeout"}}""")],
        },
        new("429 with Retry-After: 2 (seconds)", "RateLimited", 1, "RateLimited", 4)
        {
            Responses = (_, _) => [RateLimited("2")],
        },
        new("429 with Retry-After as an HTTP date (+3 s)", "RateLimited", 1, "RateLimited", 4)
        {
            Responses = (_, now) => [RateLimited(now.AddSeconds(3).ToString("r", CultureInfo.InvariantCulture))],
        },
        new("429 without Retry-After", "RateLimited", 1, "RateLimited", 4)
        {
            Responses = (_, _) => [RateLimited(null)],
        },
        new("429 with Retry-After: 3600, over the 30 s cap", "RateLimited", 1, "RateLimited", 1)
        {
            Responses = (_, _) => [RateLimited("3600")],
        },
        new("500, 502, 503, then 200", "Server, outcome unknown", 1, "result", 4)
        {
            Responses = (endpoint, _) =>
            [
                Json(500, """{"code":500,"error":{"type":"api_error","message":"Internal error"}}"""),
                Response.Create().WithStatusCode(502).WithHeader("Content-Type", "text/html").WithBody("<html>Bad Gateway</html>"),
                Json(503, """{"code":503,"error":{"type":"api_error","message":"Unavailable"}}"""),
                Json(200, Success(endpoint)),
            ],
        },
        new("answer slower than the client's timeout (1 s vs 200 ms)", "Timeout, outcome unknown", 1, "Timeout", 4)
        {
            Responses = (endpoint, _) => [Json(200, Success(endpoint)).WithDelay(TimeSpan.FromSeconds(1))],
            NetworkTimeout = TimeSpan.FromMilliseconds(200),
            Settle = TimeSpan.FromSeconds(1.5),
        },
        new("unknown task status (\"teleporting\")", "result", 1, "result", 1)
        {
            Responses = (endpoint, _) => [Json(200, Success(endpoint, status: "teleporting"))],
        },
        new("unknown HTTP status (418)", "UnexpectedResponse", 1, "UnexpectedResponse", 1)
        {
            Responses = (_, _) => [Json(418, """{"code":418,"error":{"message":"I'm a teapot"}}""")],
        },
        new("200 missing required fields (task_id / status)", "UnexpectedResponse, outcome unknown", 1, "UnexpectedResponse", 1)
        {
            Responses = (endpoint, _) => [Json(200, endpoint == Endpoint.Submit
                ? """{"code":200,"data":{"status":"not_started"}}"""
                : "{\"code\":200,\"data\":{\"task_id\":\"" + TaskId + "\"}}")],
        },
        new("oversized body (100 KiB over a 64 KiB cap)", "UnexpectedResponse, outcome unknown", 1, "UnexpectedResponse", 1)
        {
            Responses = (endpoint, _) => [Json(200, Success(endpoint, padding: new string('x', 100 * 1024)))],
        },
    ];

    public static string Success(Endpoint endpoint, string status = "not_started", string padding = "") =>
        "{\"code\":200,\"data\":{\"task_id\":\"" + TaskId + "\",\"status\":\"" +
        (endpoint == Endpoint.Status && status == "not_started" ? "finished" : status) + "\",\"note\":\"" + padding + "\"}}";

    private static IResponseBuilder Json(int status, string body) =>
        Response.Create().WithStatusCode(status).WithHeader("Content-Type", "application/json").WithBody(body);

    private static IResponseBuilder RateLimited(string? retryAfter)
    {
        var response = Json(429, """{"code":429,"error":{"type":"rate_limit_error","message":"Too many requests"}}""");
        return retryAfter is null ? response : response.WithHeader("Retry-After", retryAfter);
    }
}
