using WireMock;

namespace Poyo.OpenApi.Testing.Internal;

/// <summary>Reads request headers by name, case-insensitive, as HTTP requires.</summary>
internal static class RequestHeaders
{
    public static string? First(IRequestMessage request, string name)
    {
        if (request.Headers is null)
        {
            return null;
        }

        foreach (var (key, values) in request.Headers)
        {
            if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase))
            {
                return values.FirstOrDefault();
            }
        }

        return null;
    }

    /// <summary>Whether the request carries <c>Authorization: Bearer &lt;apiKey&gt;</c> (scheme case-insensitive).</summary>
    public static bool HasBearer(IRequestMessage request, string apiKey)
    {
        var value = First(request, "Authorization")?.Trim();
        const string Scheme = "Bearer ";
        return value is not null
            && value.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase)
            && string.Equals(value[Scheme.Length..].Trim(), apiKey, StringComparison.Ordinal);
    }
}
