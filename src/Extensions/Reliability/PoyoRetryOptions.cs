namespace Poyo.OpenApi;

/// <summary>
/// How <see cref="PoyoClient"/> retries requests that are safe to repeat (reading a task's status). A submit is
/// never retried once it may have reached PoYo; see docs/reliability.md.
/// </summary>
public sealed class PoyoRetryOptions
{
    /// <summary>Retries after the first attempt (0 turns retries off). Default: 3.</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>The delay before the first retry; later ones double. Default: 1 second.</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest computed backoff delay. Default: 30 seconds.</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The longest <c>Retry-After</c> the client waits for on its own; a longer one surfaces the error (with
    /// <see cref="PoyoException.RetryAfter"/>) instead of sleeping. Default: 30 seconds.
    /// </summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Whether backoff delays are randomized (decorrelated jitter) so clients do not retry in step. Default: <see langword="true"/>.</summary>
    public bool UseJitter { get; set; } = true;

    /// <summary>Throws when a value is out of range.</summary>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <see cref="MaxRetries"/> is outside 0–100, <see cref="BaseDelay"/> outside (0, 1 day], <see cref="MaxDelay"/>
    /// under <see cref="BaseDelay"/>, or <see cref="MaxRetryAfter"/> negative.
    /// </exception>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegative(MaxRetries, nameof(MaxRetries));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(MaxRetries, 100, nameof(MaxRetries));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(BaseDelay, TimeSpan.Zero, nameof(BaseDelay));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(BaseDelay, TimeSpan.FromDays(1), nameof(BaseDelay));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxDelay, BaseDelay, nameof(MaxDelay));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxRetryAfter, TimeSpan.Zero, nameof(MaxRetryAfter));
    }

    /// <summary>A one-line description.</summary>
    public override string ToString() =>
        $"PoyoRetryOptions {{ MaxRetries = {MaxRetries}, BaseDelay = {BaseDelay}, MaxDelay = {MaxDelay}, MaxRetryAfter = {MaxRetryAfter}, UseJitter = {UseJitter} }}";
}
