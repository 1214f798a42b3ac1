using Poyo.OpenApi;

namespace Poyo.Cli.Output;

/// <summary>Saves a finished task's output files into a directory (<c>--output DIR</c>), named after their URLs.</summary>
internal static class Downloader
{
    /// <summary>Checks <c>--output</c> before anything is sent: it must be a directory or not exist yet.</summary>
    /// <exception cref="CliException">It names an existing file (exit code 2).</exception>
    public static string? ValidateDirectory(string? directory)
    {
        if (string.IsNullOrWhiteSpace(directory))
        {
            return null;
        }

        var full = Path.GetFullPath(directory);
        return File.Exists(full) ? throw CliException.InvalidInput($"--output: '{directory}' is a file, not a directory.") : full;
    }

    /// <summary>Downloads every output file of <paramref name="task"/> into <paramref name="directory"/> (created if needed).</summary>
    /// <returns>The paths written, in the task's file order.</returns>
    public static async Task<IReadOnlyList<string>> DownloadAsync(PoyoTask task, string directory, CancellationToken cancellationToken)
    {
        // INTEGRATE: replace this body with the client's download method (PoyoClient.DownloadFilesAsync, being added on
        // the api branch) once merged, so downloads share the client's HttpClient, timeouts and error mapping.
        Directory.CreateDirectory(directory);
        using var http = new HttpClient { Timeout = TimeSpan.FromMinutes(10) };
        var saved = new List<string>();
        var index = 0;
        foreach (var file in task.OutputFiles)
        {
            index++;
            if (file.FileUrl is null)
            {
                continue;
            }

            var path = UniquePath(directory, FileNameOf(file.FileUrl, task.TaskId, index), saved);
            using var response = await http.GetAsync(file.FileUrl, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                throw new HttpRequestException($"Downloading {file.FileUrl} failed with HTTP {(int)response.StatusCode}.", null, response.StatusCode);
            }

            var partial = path + ".part";
            await using (var target = File.Create(partial))
            {
                await response.Content.CopyToAsync(target, cancellationToken).ConfigureAwait(false);
            }

            File.Move(partial, path, overwrite: true);
            saved.Add(path);
        }

        return saved;
    }

    private static string FileNameOf(Uri url, string? taskId, int index)
    {
        var name = Path.GetFileName(Uri.UnescapeDataString(url.AbsolutePath));
        foreach (var invalid in Path.GetInvalidFileNameChars())
        {
            name = name.Replace(invalid, '_');
        }

        return string.IsNullOrWhiteSpace(name) || name is "." or ".." ? $"{taskId ?? "output"}-{index}" : name;
    }

    private static string UniquePath(string directory, string name, List<string> taken)
    {
        var path = Path.Combine(directory, name);
        for (var copy = 2; taken.Contains(path); copy++)
        {
            path = Path.Combine(directory, $"{Path.GetFileNameWithoutExtension(name)}-{copy}{Path.GetExtension(name)}");
        }

        return path;
    }
}
