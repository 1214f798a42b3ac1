namespace Poyo.OpenApi.Testing.Internal;

/// <summary>A failure the caller armed, answered instead of the real behaviour.</summary>
internal abstract record InjectedFailure
{
    private InjectedFailure()
    {
    }

    /// <summary>HTTP 5xx, with PoYo's JSON envelope or a proxy's HTML page.</summary>
    public sealed record ServerError(int StatusCode, bool HtmlBody) : InjectedFailure;

    /// <summary>HTTP 429, with <c>Retry-After</c> in seconds when given.</summary>
    public sealed record RateLimited(int? RetryAfterSeconds) : InjectedFailure;

    /// <summary>HTTP 401 whatever the key.</summary>
    public sealed record Unauthorized : InjectedFailure;

    /// <summary>Code 402 inside HTTP 200 (submit only).</summary>
    public sealed record InsufficientCredits : InjectedFailure;
}
