namespace Poyo.OpenApi;

/// <summary>
/// The exception the generated <see cref="PoyoRestClient"/> raises (nswag.json names it and leaves its
/// declaration to us so that it stays internal). <see cref="PoyoClient"/> turns it into a <see cref="PoyoException"/>.
/// </summary>
internal class PoyoRestException : Exception
{
    public PoyoRestException(
        string message,
        int statusCode,
        string? response,
        IReadOnlyDictionary<string, IEnumerable<string>> headers,
        Exception? innerException)
        : base(message, innerException)
    {
        StatusCode = statusCode;
        Response = response;
        // Copied now: a lazy view of the response's headers must not outlive the response.
        Headers = headers is ResponseHeaders lazy ? lazy.Copy() : headers;
    }

    /// <summary>The HTTP status code.</summary>
    public int StatusCode { get; }

    /// <summary>The response body as text (the client reads bodies as text so that errors keep them).</summary>
    public string? Response { get; }

    /// <summary>The response and content headers.</summary>
    public IReadOnlyDictionary<string, IEnumerable<string>> Headers { get; }
}

/// <summary>The generated client's exception for a documented error response, with its parsed body.</summary>
internal sealed class PoyoRestException<TResult> : PoyoRestException
{
    public PoyoRestException(
        string message,
        int statusCode,
        string? response,
        IReadOnlyDictionary<string, IEnumerable<string>> headers,
        TResult result,
        Exception? innerException)
        : base(message, statusCode, response, headers, innerException)
    {
        Result = result;
    }

    /// <summary>The parsed error body.</summary>
    public TResult Result { get; }
}
