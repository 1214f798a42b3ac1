using System.Net;
using System.Net.Sockets;

namespace Poyo.OpenApi;

/// <summary>The checks every input URL goes through; each returns null when fine, else a message a user can act on.</summary>
internal static class UrlRules
{
    /// <summary>Image extensions of the reference image.</summary>
    public static readonly string[] ImageExtensions = [".jpg", ".jpeg", ".png"];

    /// <summary>Image extensions of kling element images.</summary>
    public static readonly string[] ElementImageExtensions = [".jpg", ".jpeg", ".png", ".webp"];

    /// <summary>Video extensions of the reference video.</summary>
    public static readonly string[] VideoExtensions = [".mp4", ".mov"];

    /// <summary>Checks an input file URL: present, absolute http(s), and ending in one of <paramref name="extensions"/>.</summary>
    public static string? CheckFileUrl(Uri? url, string[] extensions)
    {
        if (AbsoluteHttpProblem(url, httpsOnly: false) is { } problem)
        {
            return problem;
        }

        // Compared as a span: a valid URL allocates nothing here (this runs on every submit); the string is made for the message only.
        var extensionSpan = ExtensionSpan(url!.AbsolutePath);
        foreach (var allowed in extensions)
        {
            if (extensionSpan.Equals(allowed, StringComparison.OrdinalIgnoreCase))
            {
                return null;
            }
        }

        var extension = ExtensionOf(url);
        return $"must be {Describe(extensions)} file (got {(extension.Length == 0 ? "no extension" : extension)})";
    }

    /// <summary>Checks the callback URL: absolute https, and a host PoYo can reach.</summary>
    public static string? CheckCallbackUrl(Uri? url)
    {
        if (AbsoluteHttpProblem(url, httpsOnly: true) is { } problem)
        {
            return problem;
        }

        return IsUnreachableFromPoyo(url!.IdnHost)
            ? $"must be a public host PoYo can reach (got {url.Host}: localhost, loopback, private and link-local addresses are refused)"
            : null;
    }

    /// <summary>Whether <paramref name="url"/> is absolute with the scheme http or https: the only URLs PoYo can fetch or this client can call.</summary>
    public static bool IsAbsoluteHttp(Uri url) =>
        url.IsAbsoluteUri && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp);

    /// <summary>The extension of the URL's path, lower-case, query and fragment ignored; empty when there is none.</summary>
    public static string ExtensionOf(Uri url) => ExtensionSpan(url.AbsolutePath).ToString().ToLowerInvariant();

    /// <summary>The extension of <paramref name="path"/> with its dot, as it is written; empty when there is none.</summary>
    private static ReadOnlySpan<char> ExtensionSpan(string path)
    {
        var lastSlash = path.LastIndexOf('/');
        var lastDot = path.LastIndexOf('.');
        return lastDot > lastSlash && lastDot < path.Length - 1 ? path.AsSpan(lastDot) : [];
    }

    private static string? AbsoluteHttpProblem(Uri? url, bool httpsOnly)
    {
        if (url is null)
        {
            return "must not be null";
        }

        if (string.IsNullOrWhiteSpace(url.OriginalString))
        {
            return "must not be empty or whitespace";
        }

        var expected = httpsOnly ? "an absolute https URL" : "an absolute http(s) URL";
        if (!url.IsAbsoluteUri)
        {
            return $"must be {expected} (got '{url.OriginalString}')";
        }

        var schemeOk = httpsOnly ? url.Scheme == Uri.UriSchemeHttps : IsAbsoluteHttp(url);
        return schemeOk ? null : $"must be {expected} (got scheme '{url.Scheme}')";
    }

    private static bool IsUnreachableFromPoyo(string host)
    {
        var name = host.TrimEnd('.');
        if (name.Equals("localhost", StringComparison.OrdinalIgnoreCase)
            || name.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (!IPAddress.TryParse(name.Trim('[', ']'), out var address))
        {
            return false;
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (IPAddress.IsLoopback(address) || address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any))
        {
            return true;
        }

        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            return address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6UniqueLocal;
        }

        var bytes = address.GetAddressBytes();
        return bytes[0] == 10
            || (bytes[0] == 172 && bytes[1] is >= 16 and <= 31)
            || (bytes[0] == 192 && bytes[1] == 168)
            || (bytes[0] == 169 && bytes[1] == 254)
            || (bytes[0] == 100 && bytes[1] is >= 64 and <= 127)
            || bytes[0] == 0;
    }

    /// <summary>"an .mp4 or .mov", "a .jpg, .jpeg or .png".</summary>
    internal static string Describe(string[] extensions) =>
        extensions.Length switch
        {
            1 => $"a {extensions[0]}",
            2 => $"an {extensions[0]} or {extensions[1]}",
            _ => $"a {string.Join(", ", extensions[..^1])} or {extensions[^1]}",
        };
}
