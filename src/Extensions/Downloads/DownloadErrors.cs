using System.Globalization;

namespace Poyo.OpenApi;

/// <summary>The failures of a file download as <see cref="PoyoException"/>s, naming the URL without its query.</summary>
internal static class DownloadErrors
{
    /// <summary>The URL without query, fragment or user info: a signed storage URL's token stays out of messages and logs.</summary>
    public static string Describe(Uri url) =>
        url.IsAbsoluteUri
            ? url.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped)
            : "(relative URL)";

    /// <summary>A non-success status of the file host. 403, 404 and 410 most likely mean the URL has expired.</summary>
    public static PoyoException FromStatus(int status, Uri url)
    {
        var code = status.ToString(CultureInfo.InvariantCulture);
        if (status is 403 or 404 or 410)
        {
            return new PoyoException(
                PoyoErrorCategory.NotFound,
                $"The file host answered HTTP {code} for {Describe(url)}: the URL may have expired (PoYo keeps output files 24 hours to 3 days). Read the task's status again (GetTaskAsync) for fresh URLs.",
                status);
        }

        return new PoyoException(
            PoyoErrorFactory.Categorize(status, null, null),
            $"The file host answered HTTP {code} for {Describe(url)}; nothing was kept.",
            status);
    }

    /// <summary>The connection failed or broke off.</summary>
    public static PoyoException FromTransport(Exception exception, Uri url) => new(
        PoyoErrorCategory.Network,
        $"Could not download {Describe(url)}: {exception.Message}",
        innerException: exception);

    /// <summary>No answer within the HTTP client's timeout.</summary>
    public static PoyoException FromTimeout(Exception exception, Uri url) => new(
        PoyoErrorCategory.Timeout,
        $"The file host did not answer in time for {Describe(url)}.",
        innerException: exception);

    /// <summary>The body ended before <c>Content-Length</c> bytes arrived.</summary>
    public static PoyoException Truncated(Uri url, long received, long expected) => new(
        PoyoErrorCategory.Network,
        string.Create(CultureInfo.InvariantCulture, $"The download of {Describe(url)} ended after {received:N0} of {expected:N0} bytes."));
}
