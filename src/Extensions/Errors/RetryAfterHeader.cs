using System.Globalization;

namespace Poyo.OpenApi;

/// <summary>Reads <c>Retry-After</c> as delay-seconds or an HTTP date (RFC 9110 §10.2.3).</summary>
internal static class RetryAfterHeader
{
    /// <summary>The delay the header asks for, relative to <paramref name="now"/>; never negative; null when absent or unreadable.</summary>
    public static TimeSpan? Parse(IReadOnlyDictionary<string, IEnumerable<string>>? headers, DateTimeOffset now)
    {
        if (headers is null)
        {
            return null;
        }

        foreach (var (name, values) in headers)
        {
            if (string.Equals(name, "Retry-After", StringComparison.OrdinalIgnoreCase))
            {
                return Parse(values.FirstOrDefault(), now);
            }
        }

        return null;
    }

    /// <summary>Parses one header value.</summary>
    public static TimeSpan? Parse(string? value, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        value = value.Trim();
        if (long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return TimeSpan.FromSeconds(Math.Min(seconds, (long)TimeSpan.MaxValue.TotalSeconds - 1));
        }

        if (DateTimeOffset.TryParseExact(value, "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date))
        {
            var delay = date - now;
            return delay < TimeSpan.Zero ? TimeSpan.Zero : delay;
        }

        return null;
    }
}
