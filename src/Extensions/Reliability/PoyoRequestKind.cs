namespace Poyo.OpenApi;

/// <summary>
/// How safe a request is to send again, which decides what the retry pipeline may do with it. Every call of
/// <see cref="PoyoClient"/> names one; a new endpoint picks the kind that matches its effect on the server.
/// </summary>
internal enum PoyoRequestKind
{
    /// <summary>
    /// Reads nothing but state (GET status, GET balance): retried on network errors, timeouts, 408, 429 and 5xx with
    /// jittered exponential backoff, honouring a bounded <c>Retry-After</c>.
    /// </summary>
    Read,

    /// <summary>
    /// Creates a paid task (POST submit). Retried only when the failure proves nothing was sent (connection refused,
    /// name resolution failed), with the same <c>Idempotency-Key</c>. Never retried when its outcome is unknown
    /// (timeout, reset after sending, 5xx) nor on any answer from the server (429 included).
    /// </summary>
    PaidSubmit,

    /// <summary>Changes state without charging (e.g. an upload): never retried automatically.</summary>
    Write,
}
