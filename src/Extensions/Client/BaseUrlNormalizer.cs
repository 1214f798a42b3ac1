namespace Poyo.OpenApi;

/// <summary>
/// Base URLs with a path prefix (<c>https://proxy.example/poyo</c>) lose their last segment when a relative path is
/// resolved against them unless they end with '/'. Every base URL goes through here.
/// </summary>
internal static class BaseUrlNormalizer
{
    /// <summary>The production API.</summary>
    public static readonly Uri Default = new("https://api.poyo.ai/");

    /// <summary>Returns <paramref name="baseUrl"/> with a trailing '/', without query or fragment.</summary>
    /// <exception cref="ArgumentException">The URL is relative or not HTTP(S).</exception>
    public static Uri WithTrailingSlash(Uri baseUrl)
    {
        ArgumentNullException.ThrowIfNull(baseUrl);
        if (!UrlRules.IsAbsoluteHttp(baseUrl))
        {
            throw new ArgumentException($"The PoYo base URL must be an absolute http(s) URL; got '{baseUrl}'.", nameof(baseUrl));
        }

        var builder = new UriBuilder(baseUrl) { Query = string.Empty, Fragment = string.Empty };
        if (!builder.Path.EndsWith('/'))
        {
            builder.Path += "/";
        }

        return builder.Uri;
    }
}
