namespace Poyo.OpenApi;

/// <summary>Settings of a <see cref="PoyoWebhookVerifier"/>. Every property has a documented default.</summary>
public class PoyoWebhookOptions
{
    /// <summary>The default <see cref="Tolerance"/>: 300 seconds, as PoYo documents.</summary>
    public static readonly TimeSpan DefaultTolerance = TimeSpan.FromSeconds(300);

    /// <summary>
    /// How far <c>X-Webhook-Timestamp</c> may be from now, in either direction, compared in whole seconds
    /// (300 s passes, 301 s is stale). Default: <see cref="DefaultTolerance"/>. Must not be negative.
    /// </summary>
    public TimeSpan Tolerance { get; set; } = DefaultTolerance;

    /// <summary>The clock the timestamp is checked against. Default: <see cref="TimeProvider.System"/>; tests pass a fake one.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>A one-line description.</summary>
    /// <returns>The tolerance, e.g. <c>PoyoWebhookOptions { Tolerance = 300 s }</c>.</returns>
    public override string ToString() => $"PoyoWebhookOptions {{ Tolerance = {Tolerance.TotalSeconds:0.###} s }}";
}
