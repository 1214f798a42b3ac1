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
