namespace Poyo.OpenApi.Tests.Support;

/// <summary>
/// An in-memory HTTP handler that answers the n-th request (0-based) with <c>respond(request, n)</c>: no network,
/// for fuzzing and for clients built on a passed-in <see cref="HttpClient"/>.
/// </summary>
internal sealed class ScriptedHandler(Func<HttpRequestMessage, int, HttpResponseMessage> respond) : HttpMessageHandler
{
    private int _requests;

    /// <summary>Requests received so far.</summary>
    public int Requests => Volatile.Read(ref _requests);

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var index = Interlocked.Increment(ref _requests) - 1;
        var response = respond(request, index);
        response.RequestMessage = request;
        return Task.FromResult(response);
    }
}
