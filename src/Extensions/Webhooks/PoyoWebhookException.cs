namespace Poyo.OpenApi;

/// <summary>
/// A PoYo callback failed verification; answer it with 401 and do not act on it. The message says what was wrong
/// and never contains the webhook secret or the expected signature.
/// </summary>
public class PoyoWebhookException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="failure">Why the callback was rejected.</param>
    /// <param name="message">A message an operator can act on; must not contain secrets.</param>
    /// <param name="innerException">The underlying failure (e.g. a JSON error), if any.</param>
    public PoyoWebhookException(PoyoWebhookFailure failure, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Failure = failure;
    }

    /// <summary>Why the callback was rejected.</summary>
    public PoyoWebhookFailure Failure { get; }
}
