namespace Poyo.OpenApi;

/// <summary>Refuses base URLs that would send the API key in clear text over a network.</summary>
internal static class TransportRules
{
    /// <summary>Throws unless <paramref name="baseUrl"/> is https, or http to a loopback host, or <paramref name="allowInsecureHttp"/>.</summary>
    /// <exception cref="ArgumentException">An http:// URL to a non-loopback host without the explicit opt-in.</exception>
    public static void EnsureSecure(Uri baseUrl, bool allowInsecureHttp)
    {
        if (baseUrl.Scheme == Uri.UriSchemeHttp && !baseUrl.IsLoopback && !allowInsecureHttp)
        {
            throw new ArgumentException(
                $"The PoYo base URL '{baseUrl.GetLeftPart(UriPartial.Authority)}' uses http://, which would send the API key unencrypted. " +
                "Use https://, or set PoyoClientOptions.AllowInsecureHttp = true for a trusted proxy on your own network.",
                "options");
        }
    }
}
