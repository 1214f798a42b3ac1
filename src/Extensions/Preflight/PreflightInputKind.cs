namespace Poyo.OpenApi;

/// <summary>Which input field a <see cref="PreflightCheck"/> is about; the limits differ per kind.</summary>
public enum PreflightInputKind
{
    /// <summary>The reference image (<c>image_urls</c>): JPEG or PNG, at most 10 MB.</summary>
    Image,

    /// <summary>The reference video (<c>video_urls</c>): MP4 or MOV, at most 100 MB, 3 s to 10 or 30 s.</summary>
    Video,

    /// <summary>An image of a kling element (frontal or reference angle): JPEG, PNG or WebP, at most 10 MB.</summary>
    ElementImage,
}
