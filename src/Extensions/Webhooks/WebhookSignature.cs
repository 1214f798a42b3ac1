using System.Security.Cryptography;
using System.Text;

namespace Poyo.OpenApi;

/// <summary>PoYo's callback signature: Base64(HMAC-SHA256(secret, task_id + "." + timestamp)), UTF-8 throughout.</summary>
internal static class WebhookSignature
{
    private const int HashSize = 32;

    /// <summary>The signature PoYo would send, as Base64.</summary>
    public static string Compute(ReadOnlySpan<byte> key, string taskId, string timestamp) =>
        Convert.ToBase64String(Hash(key, taskId, timestamp));

    /// <summary>
    /// Whether <paramref name="signature"/> (surrounding spaces ignored) is the strict Base64 of the expected HMAC,
    /// compared in constant time. Anything that is not strict Base64 of 32 bytes is simply a mismatch.
    /// </summary>
    public static bool Matches(ReadOnlySpan<byte> key, string taskId, string timestamp, string signature)
    {
        Span<byte> given = stackalloc byte[HashSize];
        if (!TryDecodeStrict(signature.AsSpan().Trim(), given))
        {
            return false;
        }

        var expected = Hash(key, taskId, timestamp);
        try
        {
            return CryptographicOperations.FixedTimeEquals(expected, given);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(expected);
        }
    }

    private static byte[] Hash(ReadOnlySpan<byte> key, string taskId, string timestamp) =>
        HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(taskId + "." + timestamp));

    /// <summary>
    /// Decodes exactly 44 Base64 characters (32 bytes, one '=' of padding) with no whitespace inside;
    /// <see cref="Convert.TryFromBase64Chars"/> alone would skip embedded whitespace.
    /// </summary>
    private static bool TryDecodeStrict(ReadOnlySpan<char> text, Span<byte> destination)
    {
        const int EncodedLength = (HashSize + 2) / 3 * 4;
        if (text.Length != EncodedLength)
        {
            return false;
        }

        foreach (var c in text)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '+' or '/' or '='))
            {
                return false;
            }
        }

        return Convert.TryFromBase64Chars(text, destination, out var written) && written == HashSize;
    }
}
