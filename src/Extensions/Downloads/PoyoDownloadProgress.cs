using System.Globalization;

namespace Poyo.OpenApi;

/// <summary>How far the download of one file is, reported when it starts and after every block received.</summary>
/// <param name="FileUrl">The file being downloaded.</param>
/// <param name="BytesReceived">Bytes received so far.</param>
/// <param name="TotalBytes">The file's size from <c>Content-Length</c>; null when the server does not say.</param>
public readonly record struct PoyoDownloadProgress(Uri FileUrl, long BytesReceived, long? TotalBytes)
{
    /// <summary>The share received, 0 to 1; null when the size is unknown.</summary>
    public double? Fraction
    {
        get
        {
            if (TotalBytes is not { } total)
            {
                return null;
            }

            return total <= 0 ? 1.0 : (double)BytesReceived / total;
        }
    }

    /// <summary><c>https://host/path: 1,024 of 2,048 bytes</c> (the URL's query, which may hold a signature, is left out).</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{DownloadErrors.Describe(FileUrl)}: {BytesReceived:N0}{(TotalBytes is { } total ? $" of {total:N0}" : "")} bytes");
}
