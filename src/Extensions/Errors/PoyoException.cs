namespace Poyo.OpenApi;

/// <summary>
/// The one exception type of this library for a failed call: it carries the HTTP status, PoYo's business code,
/// error type and message, and a <see cref="Category"/> to branch on. It never contains the API key.
/// </summary>
public class PoyoException : Exception
{
    /// <summary>Creates an exception; meant for this library and for tests that fake a <see cref="PoyoClient"/>.</summary>
    /// <param name="category">What kind of failure this is.</param>
    /// <param name="message">A message a user can act on.</param>
    /// <param name="statusCode">The HTTP status code, when a response arrived.</param>
    /// <param name="errorCode">The <c>code</c> of the response body, when it had one.</param>
    /// <param name="errorType">The <c>error.type</c> of the response body, e.g. <c>insufficient_credits_error</c>.</param>
    /// <param name="innerException">The underlying failure, if any.</param>
    public PoyoException(
        PoyoErrorCategory category,
        string message,
        int? statusCode = null,
        int? errorCode = null,
        string? errorType = null,
        Exception? innerException = null)
        : base(message, innerException)
    {
        Category = category;
        StatusCode = statusCode;
        ErrorCode = errorCode;
        ErrorType = errorType;
    }

    /// <summary>What kind of failure this is.</summary>
    public PoyoErrorCategory Category { get; }

    /// <summary>The HTTP status code; <see langword="null"/> when no response arrived or the failure was local.</summary>
    public int? StatusCode { get; }

    /// <summary>The <c>code</c> field of the response body (PoYo may send HTTP 200 with a failure code).</summary>
    public int? ErrorCode { get; }

    /// <summary>The <c>error.type</c> field of the response body, e.g. <c>insufficient_credits_error</c>.</summary>
    public string? ErrorType { get; }

    /// <summary>How long the server asked the caller to wait (<c>Retry-After</c>), when it said.</summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>The task this failure concerns, when known; keep it to resume instead of resubmitting.</summary>
    public string? TaskId { get; init; }

    /// <summary>
    /// <see langword="true"/> when a submit may have reached PoYo although no usable answer came back (timeout, reset
    /// after sending, 5xx, a 2xx body that cannot be read or lacks the task id): the task may exist and be charged,
    /// so do not resubmit blindly; resubmit the same request object (same Idempotency-Key) or check the dashboard.
    /// </summary>
    public bool IsOutcomeUnknown { get; init; }
}
