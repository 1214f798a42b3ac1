namespace Poyo.OpenApi;

/// <summary>
/// The largest input files PoYo's model docs allow ("10MB" images, "100MB" videos, read as MiB). One definition for
/// the preflight defaults and the upload checks.
/// </summary>
internal static class InputFileLimits
{
    /// <summary>The largest image, in bytes: 10 MiB.</summary>
    public const long MaxImageBytes = 10L * 1024 * 1024;

    /// <summary>The largest video, in bytes: 100 MiB.</summary>
    public const long MaxVideoBytes = 100L * 1024 * 1024;

    /// <summary>The limit of <paramref name="kind"/>.</summary>
    public static long MaxBytes(PreflightInputKind kind) => kind == PreflightInputKind.Video ? MaxVideoBytes : MaxImageBytes;
}
