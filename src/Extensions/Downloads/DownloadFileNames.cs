using System.Text;

namespace Poyo.OpenApi;

/// <summary>
/// Safe local names for a task's output files: <c>&lt;task id&gt;.&lt;ext&gt;</c>, or <c>&lt;task id&gt;-&lt;n&gt;.&lt;ext&gt;</c>
/// when the task has several. Only letters, digits, '-', '_' and '.' survive, so no name can leave its folder.
/// </summary>
internal static class DownloadFileNames
{
    private const int MaxStemLength = 100;
    private const string Fallback = "poyo-output";

    /// <summary>Extensions kept from a URL: media and 3D formats PoYo's models produce. Anything else (.exe, say) is not trusted.</summary>
    private static readonly HashSet<string> KnownExtensions = new(StringComparer.Ordinal)
    {
        ".mp4", ".mov", ".webm", ".mkv", ".png", ".jpg", ".jpeg", ".webp", ".gif",
        ".mp3", ".wav", ".m4a", ".ogg", ".flac", ".glb", ".gltf", ".obj", ".fbx", ".usdz", ".stl", ".ply",
    };

    private static readonly HashSet<string> ReservedOnWindows = new(StringComparer.OrdinalIgnoreCase)
    {
        "CON", "PRN", "AUX", "NUL", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9",
        "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9",
    };

    /// <summary>The name of file <paramref name="index"/> (0-based) of <paramref name="count"/>.</summary>
    public static string For(string? taskId, TaskFile file, int index, int count)
    {
        var stem = Sanitize(taskId);
        if (stem.Length == 0 && file.FileUrl is { IsAbsoluteUri: true } url)
        {
            stem = Sanitize(Path.GetFileNameWithoutExtension(url.AbsolutePath));
        }

        if (stem.Length == 0 || ReservedOnWindows.Contains(stem))
        {
            stem = stem.Length == 0 ? Fallback : Fallback + "-" + stem;
        }

        if (count > 1)
        {
            stem += "-" + (index + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return stem + ExtensionOf(file);
    }

    /// <summary>The URL's extension when it is a known media format; else <c>.mp4</c> for a video, <c>.bin</c> otherwise.</summary>
    private static string ExtensionOf(TaskFile file)
    {
        var extension = file.FileUrl is { IsAbsoluteUri: true } url ? UrlRules.ExtensionOf(url) : string.Empty;
        if (KnownExtensions.Contains(extension))
        {
            return extension;
        }

        return string.Equals(file.FileType, "video", StringComparison.OrdinalIgnoreCase) ? ".mp4" : ".bin";
    }

    private static string Sanitize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return string.Empty;
        }

        var builder = new StringBuilder(Math.Min(text.Length, MaxStemLength));
        foreach (var character in text)
        {
            if (builder.Length == MaxStemLength)
            {
                break;
            }

            builder.Append(char.IsAsciiLetterOrDigit(character) || character is '-' or '_' or '.' ? character : '_');
        }

        // No leading or trailing dots: ".", "..", hidden files and names Windows trims.
        return builder.ToString().Trim('.');
    }
}
