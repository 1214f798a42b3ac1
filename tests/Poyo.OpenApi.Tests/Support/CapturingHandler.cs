namespace Poyo.OpenApi.Tests.Support;

/// <summary>Records the exact request URIs that leave the client (WireMock shows them decoded).</summary>
internal sealed class CapturingHandler() : DelegatingHandler(new SocketsHttpHandler())
{
    public List<Uri> RequestUris { get; } = [];

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        lock (RequestUris)
        {
            RequestUris.Add(request.RequestUri!);
        }

        return base.SendAsync(request, cancellationToken);
    }
}
