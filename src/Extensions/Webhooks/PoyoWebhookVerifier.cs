using System.Diagnostics.CodeAnalysis;
using System.Text;
using Newtonsoft.Json;

namespace Poyo.OpenApi;

/// <summary>
/// Verifies PoYo's task callbacks (<c>callback_url</c>). PoYo signs <c>task_id + "." + X-Webhook-Timestamp</c> with
/// HMAC-SHA256 under your webhook secret (its UTF-8 bytes) and sends it Base64-encoded as <c>X-Webhook-Signature</c>.
/// Checks, in order: both headers present; the timestamp within ±<see cref="PoyoWebhookOptions.Tolerance"/>; the
/// body is JSON with a task id; the signature matches, compared in constant time. Only then is the task read.
/// </summary>
/// <remarks>
/// <para>The signature does not cover the body: a valid callback proves that PoYo announced this task id at this
/// time, not what its status or file URLs are. Before acting on the outcome, reconcile with
/// <see cref="VerifyAndReconcileAsync(PoyoClient, string?, string?, string, CancellationToken)"/>.</para>
/// <para>Thread-safe; create one and reuse it. The secret is never printed: <see cref="ToString"/> and every
/// <see cref="PoyoWebhookException"/> leave it out.</para>
/// </remarks>
public sealed partial class PoyoWebhookVerifier
{
    private readonly byte[] _key;
    private readonly TimeSpan _tolerance;
    private readonly TimeProvider _clock;

    /// <summary>Creates a verifier for one webhook secret.</summary>
    /// <param name="secret">The webhook secret from PoYo (<c>GET /api/api-keys/webhook-secret</c>), used as its UTF-8 bytes.</param>
    /// <param name="options">Tolerance and clock; null for the defaults (300 s, <see cref="TimeProvider.System"/>).</param>
    /// <exception cref="ArgumentException"><paramref name="secret"/> is null, empty or whitespace.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The tolerance is negative.</exception>
    /// <exception cref="ArgumentNullException">The options' <see cref="PoyoWebhookOptions.TimeProvider"/> is null.</exception>
    public PoyoWebhookVerifier(string secret, PoyoWebhookOptions? options = null)
    {
        if (string.IsNullOrWhiteSpace(secret))
        {
            // Not ThrowIfNullOrWhiteSpace: its message would quote a whitespace-only "secret".
            throw new ArgumentException("The PoYo webhook secret is empty.", nameof(secret));
        }

        options ??= new PoyoWebhookOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Tolerance, TimeSpan.Zero, "options.Tolerance");
        ArgumentNullException.ThrowIfNull(options.TimeProvider, "options.TimeProvider");
        _key = Encoding.UTF8.GetBytes(secret);
        _tolerance = options.Tolerance;
        _clock = options.TimeProvider;
    }

    /// <summary>The allowed distance between <c>X-Webhook-Timestamp</c> and now, in either direction.</summary>
    public TimeSpan Tolerance => _tolerance;

    /// <summary>Verifies a callback and returns the task from its body.</summary>
    /// <param name="signatureHeader">The value of <c>X-Webhook-Signature</c>, or null when absent.</param>
    /// <param name="timestampHeader">The value of <c>X-Webhook-Timestamp</c>, exactly as received, or null when absent.</param>
    /// <param name="body">The request body as received (UTF-8 text).</param>
    /// <returns>The task from the body. Its id is authenticated; its other fields are not (the body is unsigned).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="body"/> is null.</exception>
    /// <exception cref="PoyoWebhookException">The callback failed verification; see <see cref="PoyoWebhookException.Failure"/>.</exception>
    public PoyoTask Verify(string? signatureHeader, string? timestampHeader, string body)
    {
        var result = Check(signatureHeader, timestampHeader, body);
        return result.Task ?? throw new PoyoWebhookException(result.Failure, result.Message!, result.Error);
    }

    /// <summary>Verifies a callback without throwing for a bad one.</summary>
    /// <param name="signatureHeader">The value of <c>X-Webhook-Signature</c>, or null when absent.</param>
    /// <param name="timestampHeader">The value of <c>X-Webhook-Timestamp</c>, exactly as received, or null when absent.</param>
    /// <param name="body">The request body as received (UTF-8 text).</param>
    /// <param name="task">The task from the body when verified; otherwise null.</param>
    /// <param name="failure">Why the callback was rejected; <see cref="PoyoWebhookFailure.None"/> when verified.</param>
    /// <returns>Whether the callback is authentic and fresh.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="body"/> is null.</exception>
    public bool TryVerify(
        string? signatureHeader,
        string? timestampHeader,
        string body,
        [NotNullWhen(true)] out PoyoTask? task,
        out PoyoWebhookFailure failure)
    {
        var result = Check(signatureHeader, timestampHeader, body);
        task = result.Task;
        failure = result.Failure;
        return task is not null;
    }

    /// <summary>A one-line description, without the secret.</summary>
    /// <returns>E.g. <c>PoyoWebhookVerifier { Tolerance = 300 s, Secret = [redacted] }</c>.</returns>
    public override string ToString() => $"PoyoWebhookVerifier {{ Tolerance = {_tolerance.TotalSeconds:0.###} s, Secret = [redacted] }}";

    private Result Check(string? signatureHeader, string? timestampHeader, string body)
    {
        ArgumentNullException.ThrowIfNull(body);
        if (string.IsNullOrWhiteSpace(signatureHeader))
        {
            return Result.Fail(PoyoWebhookFailure.MissingSignature, $"The {PoyoWebhookHeaders.Signature} header is missing.");
        }

        if (string.IsNullOrWhiteSpace(timestampHeader))
        {
            return Result.Fail(PoyoWebhookFailure.MissingTimestamp, $"The {PoyoWebhookHeaders.Timestamp} header is missing.");
        }

        if (!WebhookTimestamp.TryParse(timestampHeader, out var unixSeconds))
        {
            return Result.Fail(PoyoWebhookFailure.InvalidTimestamp, $"The {PoyoWebhookHeaders.Timestamp} header is not a whole number of Unix seconds.");
        }

        var age = WebhookTimestamp.AgeInSeconds(unixSeconds, _clock);
        if (!WebhookTimestamp.IsWithin(age, _tolerance))
        {
            return Result.Fail(PoyoWebhookFailure.StaleTimestamp, StaleMessage(age));
        }

        var parsed = WebhookBody.TryParse(body, out var problem, out var error);
        if (parsed is null)
        {
            return Result.Fail(PoyoWebhookFailure.MalformedBody, $"The callback body is malformed: {problem}.", error);
        }

        if (!WebhookSignature.Matches(_key, parsed.TaskId, timestampHeader, signatureHeader))
        {
            return Result.Fail(
                PoyoWebhookFailure.InvalidSignature,
                $"The {PoyoWebhookHeaders.Signature} header does not match the task id and timestamp: wrong webhook secret, a tampered request, or not Base64.");
        }

        try
        {
            return new Result(parsed.ReadTask(), PoyoWebhookFailure.None, null, null);
        }
        catch (Exception exception) when (exception is JsonException or FormatException or OverflowException or InvalidCastException or ArgumentException)
        {
            return Result.Fail(PoyoWebhookFailure.MalformedBody, "The callback body is malformed: a task field has the wrong type.", exception);
        }
    }

    private string StaleMessage(long age)
    {
        var direction = age >= 0 ? "old" : "in the future";
        return $"The {PoyoWebhookHeaders.Timestamp} header is {Math.Abs(age)} s {direction}; at most {_tolerance.TotalSeconds:0.###} s is allowed (a replayed or delayed callback, or a wrong clock).";
    }

    private readonly record struct Result(PoyoTask? Task, PoyoWebhookFailure Failure, string? Message, Exception? Error)
    {
        public static Result Fail(PoyoWebhookFailure failure, string message, Exception? error = null) => new(null, failure, message, error);
    }
}
