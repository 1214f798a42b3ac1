using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace Poyo.OpenApi.Benchmarks.RoundTrip;

/// <summary>An in-memory handler answering every request with one canned JSON body: client cost without a socket.</summary>
public sealed class CannedHandler(string body) : HttpMessageHandler
{
    private static readonly MediaTypeHeaderValue Json = new("application/json");
    private readonly byte[] _body = Encoding.UTF8.GetBytes(body);

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var content = new ByteArrayContent(_body);
        content.Headers.ContentType = Json;
        return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = content, RequestMessage = request });
    }
}

/// <summary>The server's canned bodies, for in-memory runs (kept equal to bench/Server/Program.cs).</summary>
public static class CannedBodies
{
    public const string Submitted =
        "{\"code\":200,\"data\":{\"task_id\":\"task-unified-1757165031-uyujaw3d\",\"status\":\"not_started\",\"created_time\":\"2025-11-12T10:30:00\"}}";

    public const string Finished =
        "{\"code\":200,\"data\":{\"task_id\":\"task-unified-1757165031-uyujaw3d\",\"status\":\"finished\",\"progress\":100," +
        "\"files\":[{\"file_url\":\"https://storage.poyo.ai/generated/video.mp4\",\"file_type\":\"video\"}]," +
        "\"created_time\":\"2025-11-12T10:30:00\",\"error_message\":null}}";
}
