using System.Globalization;

namespace Poyo.OpenApi;

/// <summary>Builds <see cref="PoyoException"/>s from responses and transport failures, with the API key redacted.</summary>
internal sealed class PoyoErrorFactory
{
    private const string Redacted = "[redacted]";
    private const string OutcomeUnknownHint =
        " The task may have been created and charged anyway: do not resubmit blindly; resubmit the same request object (same Idempotency-Key) or check your PoYo dashboard.";
    private readonly string? _apiKey;
    private readonly TimeProvider _time;

    public PoyoErrorFactory(string? apiKey, TimeProvider time)
    {
        _apiKey = string.IsNullOrEmpty(apiKey) ? null : apiKey;
        _time = time;
    }

    /// <summary>A non-2xx response, or a 2xx whose body could not be read, as the generated client reported it.</summary>
    /// <param name="exception">What the generated client raised.</param>
    /// <param name="isSubmit">Whether the call was a (paid) submit, whose outcome a 5xx leaves unknown.</param>
    public PoyoException FromRestException(PoyoRestException exception, bool isSubmit)
    {
        var body = ErrorMessageReader.Read(exception.Response);
        var retryAfter = RetryAfterHeader.Parse(exception.Headers, _time.GetUtcNow());
        if (exception.StatusCode is >= 200 and < 300)
        {
            var why = body.Message is null ? "an empty body" : $"'{body.Message}'";
            return new PoyoException(
                PoyoErrorCategory.UnexpectedResponse,
                Redact($"PoYo answered HTTP {exception.StatusCode} with a body that is not the documented JSON: {why}."),
                exception.StatusCode,
                body.Code,
                body.Type,
                exception.InnerException)
            {
                IsOutcomeUnknown = isSubmit,
            };
        }

        var category = Categorize(exception.StatusCode, body.Code, body.Type);
        var message = body.Message ?? $"HTTP {exception.StatusCode} with no message";
        var outcomeUnknown = isSubmit && exception.StatusCode >= 500;
        return new PoyoException(
            category,
            Redact($"PoYo refused the request ({Describe(exception.StatusCode, body.Type)}): {message}{(outcomeUnknown ? OutcomeUnknownHint : "")}"),
            exception.StatusCode,
            body.Code,
            body.Type)
        {
            RetryAfter = retryAfter,
            IsOutcomeUnknown = outcomeUnknown,
        };
    }

    /// <summary>An HTTP 200 whose body carries a failure <paramref name="code"/>.</summary>
    /// <param name="code">The body's business code.</param>
    /// <param name="error">The body's error object, if any.</param>
    /// <param name="extra">Other body fields (a top-level <c>message</c> is used when <c>error</c> has none).</param>
    /// <param name="isSubmit">Whether this answered a (paid) submit, whose outcome a 5xx code leaves unknown.</param>
    public PoyoException FromFailureEnvelope(int code, ErrorDetail? error, IDictionary<string, object>? extra, bool isSubmit = false)
    {
        var message = error?.Message
            ?? (extra is not null && extra.TryGetValue("message", out var fallback) ? fallback?.ToString() : null)
            ?? $"code {code.ToString(CultureInfo.InvariantCulture)} with no message";
        var outcomeUnknown = isSubmit && code is >= 500 and < 600;
        return new PoyoException(
            Categorize(code, code, error?.Type),
            Redact($"PoYo refused the request (code {code.ToString(CultureInfo.InvariantCulture)}{(error?.Type is null ? "" : ", " + error.Type)}): {message}{(outcomeUnknown ? OutcomeUnknownHint : "")}"),
            200,
            code,
            error?.Type)
        {
            IsOutcomeUnknown = outcomeUnknown,
        };
    }

    /// <summary>A 200 with code 200 whose <c>data</c> lacks what the contract promises.</summary>
    /// <param name="field">The missing field's path.</param>
    /// <param name="outcomeUnknown">Whether this answered a submit, which may have created the task anyway.</param>
    public static PoyoException MissingField(string field, bool outcomeUnknown = false) => new(
        PoyoErrorCategory.UnexpectedResponse,
        $"PoYo answered HTTP 200 without {field}; the response does not follow the API contract.{(outcomeUnknown ? OutcomeUnknownHint : "")}",
        200,
        200)
    {
        IsOutcomeUnknown = outcomeUnknown,
    };

    /// <summary>No response: connection refused or reset, DNS failure, TLS failure.</summary>
    public PoyoException FromTransport(HttpRequestException exception, string operation, bool isSubmit)
    {
        var outcomeUnknown = isSubmit && !WasProvenNotSent(exception);
        return new PoyoException(
            PoyoErrorCategory.Network,
            Redact($"Could not reach PoYo to {operation}: {exception.Message}{(outcomeUnknown ? OutcomeUnknownHint : "")}"),
            innerException: exception)
        {
            IsOutcomeUnknown = outcomeUnknown,
        };
    }

    /// <summary>A response body over <see cref="PoyoClientOptions.MaxResponseBytes"/>.</summary>
    public PoyoException FromTooLarge(ResponseTooLargeException exception, string operation, bool isSubmit)
    {
        var outcomeUnknown = isSubmit && exception.StatusCode is < 400 or >= 500;
        return new PoyoException(
            PoyoErrorCategory.UnexpectedResponse,
            $"PoYo's answer to {operation} (HTTP {exception.StatusCode.ToString(CultureInfo.InvariantCulture)}) is larger than PoyoClientOptions.MaxResponseBytes ({exception.Limit.ToString(CultureInfo.InvariantCulture)} bytes); it was not read.{(outcomeUnknown ? OutcomeUnknownHint : "")}",
            exception.StatusCode,
            innerException: exception)
        {
            IsOutcomeUnknown = outcomeUnknown,
        };
    }

    /// <summary>No response within the HTTP client's timeout.</summary>
    public static PoyoException FromTimeout(Exception exception, string operation, bool isSubmit) => new(
        PoyoErrorCategory.Timeout,
        $"PoYo did not answer in time to {operation}.{(isSubmit ? OutcomeUnknownHint : "")}",
        innerException: exception)
    {
        IsOutcomeUnknown = isSubmit,
    };

    /// <summary>
    /// Whether the request certainly never left: no connection could be made (refused, DNS, TLS). Anything else,
    /// such as a reset after sending, may have reached PoYo.
    /// </summary>
    public static bool WasProvenNotSent(HttpRequestException exception) =>
        exception.HttpRequestError is HttpRequestError.ConnectionError
            or HttpRequestError.NameResolutionError
            or HttpRequestError.SecureConnectionError
            or HttpRequestError.ProxyTunnelError;

    /// <summary>Maps a status or business code and an error type to a category.</summary>
    public static PoyoErrorCategory Categorize(int httpStatus, int? bodyCode, string? errorType)
    {
        switch (errorType)
        {
            case "insufficient_credits_error": return PoyoErrorCategory.InsufficientCredits;
            case "permission_denied_error": return PoyoErrorCategory.PermissionDenied;
            case "content_moderation_error": return PoyoErrorCategory.ContentModeration;
            case "authentication_error": return PoyoErrorCategory.Authentication;
            case "not_found_error": return PoyoErrorCategory.NotFound;
            case "rate_limit_error": return PoyoErrorCategory.RateLimited;
            case "invalid_request_error" or "validation_error" or "content_too_long_error" or "file_format_error":
                return PoyoErrorCategory.InvalidRequest;
        }

        var code = httpStatus is >= 200 and < 300 && bodyCode is not null ? bodyCode.Value : httpStatus;
        return code switch
        {
            401 => PoyoErrorCategory.Authentication,
            402 => PoyoErrorCategory.InsufficientCredits,
            403 => PoyoErrorCategory.PermissionDenied,
            404 => PoyoErrorCategory.NotFound,
            408 => PoyoErrorCategory.Timeout,
            429 => PoyoErrorCategory.RateLimited,
            400 or 409 or 413 or 415 or 422 => PoyoErrorCategory.InvalidRequest,
            >= 500 and < 600 => PoyoErrorCategory.Server,
            _ => PoyoErrorCategory.UnexpectedResponse,
        };
    }

    /// <summary>Replaces every occurrence of the API key (a server may echo it) with a marker.</summary>
    public string Redact(string text) =>
        _apiKey is null ? text : text.Replace(_apiKey, Redacted, StringComparison.Ordinal);

    private static string Describe(int status, string? type) =>
        type is null
            ? $"HTTP {status.ToString(CultureInfo.InvariantCulture)}"
            : $"HTTP {status.ToString(CultureInfo.InvariantCulture)}, {type}";
}
