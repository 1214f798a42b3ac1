using System.Buffers.Text;
using System.Globalization;

namespace Poyo.OpenApi;

/// <summary>
/// What the client sends to the upload endpoints: the file types and sizes of the model inputs it knows (the
/// extension lists of <see cref="UrlRules"/>, the limits of <see cref="InputFileLimits"/>), and well-formed base64.
/// Each check returns null when fine, else a message a user can act on.
/// </summary>
internal static class UploadRules
{
    /// <summary>The most decoded bytes sent as base64: 5 MiB (PoYo asks to keep these small).</summary>
    public const long MaxBase64Bytes = 5L * 1024 * 1024;

    /// <summary>Every extension an upload may have: the images of any input field and the videos.</summary>
    public static readonly string[] AnyInputExtensions = [.. UrlRules.ElementImageExtensions, .. UrlRules.VideoExtensions];

    /// <summary>The extensions of <paramref name="kind"/>.</summary>
    public static string[] ExtensionsFor(PreflightInputKind kind) => kind switch
    {
        PreflightInputKind.Video => UrlRules.VideoExtensions,
        PreflightInputKind.ElementImage => UrlRules.ElementImageExtensions,
        _ => UrlRules.ImageExtensions,
    };

    /// <summary>The input kind a file name's extension belongs to (the strictest image kind first); null when none.</summary>
    public static PreflightInputKind? KindOf(string extension) =>
        Contains(UrlRules.VideoExtensions, extension) ? PreflightInputKind.Video
        : Contains(UrlRules.ImageExtensions, extension) ? PreflightInputKind.Image
        : Contains(UrlRules.ElementImageExtensions, extension) ? PreflightInputKind.ElementImage
        : null;

    /// <summary>The lower-case extension of a file name, with the dot; empty when there is none.</summary>
    public static string ExtensionOf(string fileName)
    {
        var extension = Path.GetExtension(fileName);
        return extension.Length > 1 ? extension.ToLowerInvariant() : string.Empty;
    }

    /// <summary>The media type of a multipart part, from the file's extension.</summary>
    public static string MediaTypeOf(string extension) => extension switch
    {
        ".jpg" or ".jpeg" => "image/jpeg",
        ".png" => "image/png",
        ".webp" => "image/webp",
        ".mp4" => "video/mp4",
        ".mov" => "video/quicktime",
        _ => "application/octet-stream",
    };

    /// <summary>A file name for a multipart part or <c>file_name</c>: a plain name, no folder, no control characters.</summary>
    public static string? CheckPlainName(string fileName)
    {
        if (string.IsNullOrWhiteSpace(fileName))
        {
            return "must not be empty or whitespace";
        }

        if (fileName.IndexOfAny(['/', '\\']) >= 0 || fileName.Any(char.IsControl) || fileName is "." or "..")
        {
            return $"must be a plain file name without a folder or control characters (got '{Printable(fileName)}')";
        }

        return fileName.Length > 255 ? $"must be at most 255 characters (got {fileName.Length})" : null;
    }

    /// <summary>Checks that <paramref name="extension"/> is one of <paramref name="allowed"/>.</summary>
    public static string? CheckExtension(string extension, string[] allowed, string noun)
    {
        if (Contains(allowed, extension))
        {
            return null;
        }

        return $"must be {UrlRules.Describe(allowed)} {noun} (got {(extension.Length == 0 ? "no extension" : extension)})";
    }

    /// <summary>Checks a size against the limit of <paramref name="kind"/>.</summary>
    public static string? CheckSize(long bytes, PreflightInputKind kind)
    {
        var limit = InputFileLimits.MaxBytes(kind);
        if (bytes <= limit)
        {
            return bytes == 0 ? "is empty (0 bytes)" : null;
        }

        var noun = kind == PreflightInputKind.Video ? "videos" : "images";
        return string.Create(CultureInfo.InvariantCulture, $"is {bytes:N0} bytes; PoYo accepts {noun} up to {limit:N0} bytes ({limit / (1024 * 1024)} MiB)");
    }

    /// <summary>
    /// Checks base64 image data, raw or as a <c>data:image/…;base64,</c> URI: well-formed, not empty, at most
    /// <see cref="MaxBase64Bytes"/> decoded, and (for a data URI) an image type PoYo accepts.
    /// </summary>
    public static string? CheckBase64(string data)
    {
        var payload = data.AsSpan();
        if (data.StartsWith("data:", StringComparison.OrdinalIgnoreCase))
        {
            var comma = data.IndexOf(',', StringComparison.Ordinal);
            var header = comma < 0 ? string.Empty : data[5..comma];
            if (!header.EndsWith(";base64", StringComparison.OrdinalIgnoreCase))
            {
                return "must be a base64 data URI (data:image/png;base64,…) or raw base64";
            }

            var mediaType = header[..^";base64".Length].Trim().ToLowerInvariant();
            if (mediaType.Length > 0 && mediaType is not ("image/jpeg" or "image/jpg" or "image/png" or "image/webp"))
            {
                return $"must be a JPEG, PNG or WebP image (the data URI says {mediaType})";
            }

            payload = payload[(comma + 1)..];
        }

        if (!Base64.IsValid(payload, out var decodedLength))
        {
            return "is not valid base64";
        }

        if (decodedLength == 0)
        {
            return "must not be empty";
        }

        return decodedLength > MaxBase64Bytes
            ? string.Create(CultureInfo.InvariantCulture, $"decodes to {decodedLength:N0} bytes; at most {MaxBase64Bytes:N0} (5 MiB) are sent as base64: upload larger files with UploadFileAsync")
            : null;
    }

    private static bool Contains(string[] extensions, string extension) =>
        Array.Exists(extensions, allowed => string.Equals(allowed, extension, StringComparison.OrdinalIgnoreCase));

    private static string Printable(string text) =>
        new(text.Select(character => char.IsControl(character) ? '?' : character).ToArray());
}
