using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace Poyo.OpenApi.Tests.Support;

/// <summary>Short ways to stub the two endpoints.</summary>
internal static class StubResponses
{
    public const string SubmitPath = "/api/generate/submit";

    public static void StubSubmit(this WireMockServer server, int httpStatus, string body, string? retryAfter = null, string contentType = "application/json")
    {
        var response = Response.Create().WithStatusCode(httpStatus).WithHeader("Content-Type", contentType).WithBody(body);
        if (retryAfter is not null)
        {
            response = response.WithHeader("Retry-After", retryAfter);
        }

        server.Given(Request.Create().WithPath(SubmitPath).UsingPost()).RespondWith(response);
    }

    public static void StubStatus(this WireMockServer server, string taskId, int httpStatus, string body, string? retryAfter = null, string contentType = "application/json")
    {
        var response = Response.Create().WithStatusCode(httpStatus).WithHeader("Content-Type", contentType).WithBody(body);
        if (retryAfter is not null)
        {
            response = response.WithHeader("Retry-After", retryAfter);
        }

        server.Given(Request.Create().WithPath($"/api/generate/status/{taskId}").UsingGet()).RespondWith(response);
    }

    public static string Task(string taskId, string status, string extra = "") =>
        "{\"code\":200,\"data\":{\"task_id\":\"" + taskId + "\",\"status\":\"" + status + "\"" + extra + "}}";
}
