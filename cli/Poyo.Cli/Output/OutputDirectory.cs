namespace Poyo.Cli.Output;

/// <summary>The <c>--output DIR</c> value, checked before anything is sent; the files are saved by <c>PoyoClient.DownloadFilesAsync</c>.</summary>
internal static class OutputDirectory
{
    /// <summary>The full path of <paramref name="directory"/>, which must be a directory or not exist yet; null when not given.</summary>
    /// <exception cref="CliException">It names an existing file (exit code 2).</exception>
    public static string? Validate(string? directory)
    {
        if (string.IsNullOrWhiteSpace(directory))
        {
            return null;
        }

        var full = Path.GetFullPath(directory);
        return File.Exists(full) ? throw CliException.InvalidInput($"--output: '{directory}' is a file, not a directory.") : full;
    }
}
