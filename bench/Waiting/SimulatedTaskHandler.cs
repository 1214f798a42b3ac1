using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace Poyo.OpenApi.Benchmarks.Waiting;

/// <summary>An in-memory status endpoint for one task that runs until <c>finishesAt</c> on the fake clock; counts the requests.</summary>
public sealed class SimulatedTaskHandler(TimeProvider time, DateTimeOffset finishesAt) : HttpMessageHandler
{
    private static readonly MediaTypeHeaderValue Json = new("application/json");

    private static readonly byte[] Running = Encoding.UTF8.GetBytes(
        "{\"code\":200,\"data\":{\"task_id\":\"sim\",\"status\":\"running\",\"files\":[],\"created_time\":\"2026-01-01T00:00:00\"}}");

    private static readonly byte[] Finished = Encoding.UTF8.GetBytes(
        "{\"code\":200,\"data\":{\"task_id\":\"sim\",\"status\":\"finished\",\"progress\":100,\"files\":[{\"file_url\":\"https://storage.poyo.ai/generated/video.mp4\",\"file_type\":\"video\"}],\"created_time\":\"2026-01-01T00:00:00\"}}");

    public int Requests { get; private set; }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Requests++;
        var content = new ByteArrayContent(time.GetUtcNow() >= finishesAt ? Finished : Running);
        content.Headers.ContentType = Json;
        return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = content });
    }
}
