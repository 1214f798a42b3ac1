namespace Poyo.OpenApi;

/// <summary>Which failures may be tried again, per <see cref="PoyoRequestKind"/> (one place, unit-tested).</summary>
internal static class RetryRules
{
    /// <summary>Whether <paramref name="error"/> from a request of <paramref name="kind"/> may be sent again.</summary>
    public static bool MayRetry(PoyoRequestKind kind, PoyoException error, TimeSpan maxRetryAfter)
    {
        if (error.RetryAfter is { } retryAfter && retryAfter > maxRetryAfter)
        {
            return false;
        }

        return kind switch
        {
            PoyoRequestKind.Read => IsTransient(error),
            PoyoRequestKind.PaidSubmit => WasProvenNotSent(error),
            _ => false,
        };
    }

    /// <summary>
    /// No response, or a response that says "later": network, timeout (incl. 408), 429, 5xx. Also what a wait polls
    /// on through (<see cref="TaskPoller"/>).
    /// </summary>
    public static bool IsTransient(PoyoException error) =>
        error.Category is PoyoErrorCategory.Network
            or PoyoErrorCategory.Timeout
            or PoyoErrorCategory.RateLimited
            or PoyoErrorCategory.Server;

    /// <summary>
    /// The connection was never made (refused, DNS): no byte of the request reached PoYo, so sending it again,
    /// with the same Idempotency-Key, cannot create a second task. TLS and proxy failures are not retried: they
    /// rarely heal within seconds.
    /// </summary>
    private static bool WasProvenNotSent(PoyoException error) =>
        error is { Category: PoyoErrorCategory.Network, IsOutcomeUnknown: false, InnerException: HttpRequestException transport }
            && transport.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError;
}
