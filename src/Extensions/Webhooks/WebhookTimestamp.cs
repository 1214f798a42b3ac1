using System.Globalization;

namespace Poyo.OpenApi;

/// <summary>Reads <c>X-Webhook-Timestamp</c> (Unix seconds) and checks it against the clock.</summary>
internal static class WebhookTimestamp
{
    private static readonly long MinSeconds = DateTimeOffset.MinValue.ToUnixTimeSeconds();
    private static readonly long MaxSeconds = DateTimeOffset.MaxValue.ToUnixTimeSeconds();

    /// <summary>Parses ASCII digits only (no sign, space or fraction); false when out of range.</summary>
    public static bool TryParse(string text, out long unixSeconds) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out unixSeconds)
        && unixSeconds >= MinSeconds && unixSeconds <= MaxSeconds;

    /// <summary>The distance from now in whole seconds (positive: in the past; negative: in the future).</summary>
    public static long AgeInSeconds(long unixSeconds, TimeProvider clock) =>
        clock.GetUtcNow().ToUnixTimeSeconds() - unixSeconds;

    /// <summary>Whether <paramref name="ageInSeconds"/> lies within ±<paramref name="tolerance"/>, both ends included.</summary>
    public static bool IsWithin(long ageInSeconds, TimeSpan tolerance) =>
        Math.Abs((double)ageInSeconds) <= Math.Floor(tolerance.TotalSeconds);
}
