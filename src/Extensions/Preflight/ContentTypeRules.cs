namespace Poyo.OpenApi;

/// <summary>Whether a declared media type is plausible for an input kind.</summary>
internal enum ContentTypeVerdict
{
    /// <summary>One of the types PoYo accepts for this kind.</summary>
    Expected,

    /// <summary>No type, or a generic one (<c>application/octet-stream</c>): unknown but plausible.</summary>
    Unknown,

    /// <summary>A type PoYo does not accept for this kind (a web page, another format).</summary>
    Wrong,
}

/// <summary>The media types accepted per <see cref="PreflightInputKind"/>, and what to tell a user otherwise.</summary>
internal static class ContentTypeRules
{
    /// <summary>Judges <paramref name="mediaType"/> for <paramref name="kind"/>.</summary>
    /// <param name="mediaType">The declared media type without parameters, or null.</param>
    /// <param name="kind">The input kind.</param>
    /// <returns>The verdict, and for <see cref="ContentTypeVerdict.Wrong"/> a sentence a user can act on.</returns>
    public static (ContentTypeVerdict Verdict, string? Problem) Judge(string? mediaType, PreflightInputKind kind)
    {
        var type = mediaType?.Trim().ToLowerInvariant();
        switch (type)
        {
            case null or "":
            case "application/octet-stream" or "binary/octet-stream" or "application/binary":
                return (ContentTypeVerdict.Unknown, null);
            case "text/html" or "application/xhtml+xml":
                return (ContentTypeVerdict.Wrong,
                    $"The URL returns a web page ({type}), not a file: use the direct link to the {Noun(kind)} itself.");
        }

        var expected = kind switch
        {
            PreflightInputKind.Video => type is "video/mp4" or "video/quicktime" or "application/mp4",
            PreflightInputKind.ElementImage => type is "image/jpeg" or "image/jpg" or "image/pjpeg" or "image/png" or "image/webp",
            _ => type is "image/jpeg" or "image/jpg" or "image/pjpeg" or "image/png",
        };

        return expected
            ? (ContentTypeVerdict.Expected, null)
            : (ContentTypeVerdict.Wrong, $"The server says this is {type}; PoYo accepts {Accepted(kind)} here.");
    }

    private static string Noun(PreflightInputKind kind) => kind == PreflightInputKind.Video ? "video" : "image";

    private static string Accepted(PreflightInputKind kind) => kind switch
    {
        PreflightInputKind.Video => "MP4 or MOV videos (video/mp4, video/quicktime)",
        PreflightInputKind.ElementImage => "JPEG, PNG or WebP images",
        _ => "JPEG or PNG images",
    };
}
