namespace Poyo.OpenApi;

/// <summary>A response body over <see cref="PoyoClientOptions.MaxResponseBytes"/>; <see cref="PoyoClient"/> maps it to a <see cref="PoyoException"/>.</summary>
internal sealed class ResponseTooLargeException : Exception
{
    public ResponseTooLargeException(int statusCode, long limit)
        : base($"The response is larger than {limit} bytes.")
    {
        StatusCode = statusCode;
        Limit = limit;
    }

    /// <summary>The HTTP status of the oversized response.</summary>
    public int StatusCode { get; }

    /// <summary>The limit it broke.</summary>
    public long Limit { get; }
}
