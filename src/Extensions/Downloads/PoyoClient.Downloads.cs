using System.Buffers;

namespace Poyo.OpenApi;

/// <summary>
/// Downloads of output files, whose URLs expire (24 hours to 3 days). The files live on a storage host, not the API:
/// a download is a plain GET that never carries the API key.
/// </summary>
public partial class PoyoClient
{
    private const int DownloadBufferSize = 81920;

    /// <summary>Downloads one output file into <paramref name="destination"/>, without the API key.</summary>
    /// <param name="file">The file, from <see cref="PoyoTask.OutputFiles"/>.</param>
    /// <param name="destination">Where the bytes go; written from its current position, not disposed.</param>
    /// <param name="progress">Gets the bytes received (and the total, when the server says) at the start and after every block.</param>
    /// <param name="cancellationToken">Cancels the download.</param>
    /// <returns>The number of bytes written.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The file has no absolute http(s) URL, or <paramref name="destination"/> cannot be written.</exception>
    /// <exception cref="InvalidOperationException">The <see cref="HttpClient"/> passed to this client has a default <c>Authorization</c> header, which would leak to the file host; nothing was sent.</exception>
    /// <exception cref="PoyoException">
    /// The file host refused (HTTP 403, 404 or 410: the URL has most likely expired, <see cref="PoyoErrorCategory.NotFound"/>; read the task
    /// again for fresh URLs), or the connection failed, or the body ended early.
    /// </exception>
    public virtual Task<long> DownloadFileAsync(
        TaskFile file,
        Stream destination,
        IProgress<PoyoDownloadProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(file);
        return file.FileUrl is null
            ? throw new ArgumentException("The file has no file_url.", nameof(file))
            : DownloadFileAsync(file.FileUrl, destination, progress, cancellationToken);
    }

    /// <summary>Downloads a file by URL into <paramref name="destination"/>, without the API key (see <see cref="DownloadFileAsync(TaskFile, Stream, IProgress{PoyoDownloadProgress}?, CancellationToken)"/>).</summary>
    /// <param name="fileUrl">An output or upload URL.</param>
    /// <param name="destination">Where the bytes go; written from its current position, not disposed.</param>
    /// <param name="progress">Gets the bytes received and the total when known.</param>
    /// <param name="cancellationToken">Cancels the download.</param>
    /// <returns>The number of bytes written.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The URL is not absolute http(s), or <paramref name="destination"/> cannot be written.</exception>
    /// <exception cref="InvalidOperationException">The <see cref="HttpClient"/> has a default <c>Authorization</c> header; nothing was sent.</exception>
    /// <exception cref="PoyoException">The file host refused (an expired URL: <see cref="PoyoErrorCategory.NotFound"/>), or the connection failed.</exception>
    public virtual async Task<long> DownloadFileAsync(
        Uri fileUrl,
        Stream destination,
        IProgress<PoyoDownloadProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(fileUrl);
        ArgumentNullException.ThrowIfNull(destination);
        if (!UrlRules.IsAbsoluteHttp(fileUrl))
        {
            throw new ArgumentException($"A file URL must be an absolute http(s) URL (got '{DownloadErrors.Describe(fileUrl)}').", nameof(fileUrl));
        }

        if (!destination.CanWrite)
        {
            throw new ArgumentException("The destination stream cannot be written.", nameof(destination));
        }

        var http = _rest.HttpClient;
        if (http.DefaultRequestHeaders.Authorization is not null)
        {
            throw new InvalidOperationException(
                "The HttpClient given to PoyoClient has a default Authorization header, which would be sent to the file host with every download. Set the key through PoyoClientOptions.ApiKey instead; nothing was sent.");
        }

        using var request = new HttpRequestMessage(HttpMethod.Get, fileUrl);
        request.Headers.UserAgent.Add(UserAgent);
        using var response = await SendDownloadRequestAsync(http, request, fileUrl, cancellationToken).ConfigureAwait(false);
        var status = (int)response.StatusCode;
        if (status is < 200 or > 299)
        {
            throw DownloadErrors.FromStatus(status, fileUrl);
        }

        var total = response.Content.Headers.ContentLength;
        var buffer = ArrayPool<byte>.Shared.Rent(DownloadBufferSize);
        try
        {
            var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            await using (body.ConfigureAwait(false))
            {
                long received = 0;
                progress?.Report(new PoyoDownloadProgress(fileUrl, 0, total));
                while (true)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var read = await ReadBodyAsync(body, buffer, fileUrl, cancellationToken).ConfigureAwait(false);
                    if (read == 0)
                    {
                        break;
                    }

                    await destination.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
                    received += read;
                    progress?.Report(new PoyoDownloadProgress(fileUrl, received, total));
                }

                return total is { } expected && received != expected ? throw DownloadErrors.Truncated(fileUrl, received, expected) : received;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// Downloads every output file of a task into <paramref name="directory"/> (created if needed), each through a
    /// temporary file that is moved into place only once complete: a cancelled or failed download leaves no partial
    /// file. Files are named after the task id (<c>&lt;task id&gt;.mp4</c>, or <c>&lt;task id&gt;-1.mp4</c>, … for
    /// several), reduced to letters, digits, '-', '_' and '.', so no name can leave the folder; an existing file of
    /// that name is replaced. Files completed before a failure stay.
    /// </summary>
    /// <param name="task">A finished task, e.g. from <see cref="GetTaskAsync"/>.</param>
    /// <param name="directory">The folder to write into.</param>
    /// <param name="progress">Gets the progress of each file in turn (see <see cref="PoyoDownloadProgress.FileUrl"/>).</param>
    /// <param name="cancellationToken">Cancels the downloads.</param>
    /// <returns>The full paths written, in the order of <see cref="PoyoTask.OutputFiles"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="task"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="directory"/> is blank, or the task has no output files (not finished yet) or a file without an absolute http(s) URL.</exception>
    /// <exception cref="PoyoException">A download failed; see <see cref="DownloadFileAsync(Uri, Stream, IProgress{PoyoDownloadProgress}?, CancellationToken)"/>.</exception>
    public virtual async Task<IReadOnlyList<string>> DownloadFilesAsync(
        PoyoTask task,
        string directory,
        IProgress<PoyoDownloadProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        var files = task.OutputFiles;
        if (files.Count == 0)
        {
            throw new ArgumentException($"Task {task.TaskId} has no output files (status '{task.Status}'); wait until it has finished.", nameof(task));
        }

        if (files.Any(file => file.FileUrl is null || !UrlRules.IsAbsoluteHttp(file.FileUrl)))
        {
            throw new ArgumentException($"Task {task.TaskId} has an output file without an absolute http(s) URL.", nameof(task));
        }

        var root = Path.GetFullPath(Directory.CreateDirectory(directory).FullName);
        var written = new List<string>(files.Count);
        for (var index = 0; index < files.Count; index++)
        {
            var name = DownloadFileNames.For(task.TaskId, files[index], index, files.Count);
            var target = Path.GetFullPath(Path.Combine(root, name));
            if (!string.Equals(Path.GetDirectoryName(target), root.TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar), StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"The file name '{name}' would leave the folder {root}.");
            }

            await DownloadToFileAsync(files[index].FileUrl!, target, progress, cancellationToken).ConfigureAwait(false);
            written.Add(target);
        }

        return written;
    }

    /// <summary>Streams into a hidden temporary file beside <paramref name="target"/>, then moves it into place; deletes it on any failure.</summary>
    private async Task DownloadToFileAsync(Uri fileUrl, string target, IProgress<PoyoDownloadProgress>? progress, CancellationToken cancellationToken)
    {
        var temporary = Path.Combine(Path.GetDirectoryName(target)!, $".{Path.GetFileName(target)}.{Guid.NewGuid():N}.part");
        try
        {
            var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, DownloadBufferSize, FileOptions.Asynchronous);
            await using (stream.ConfigureAwait(false))
            {
                await DownloadFileAsync(fileUrl, stream, progress, cancellationToken).ConfigureAwait(false);
            }

            File.Move(temporary, target, overwrite: true);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }

    private static async Task<HttpResponseMessage> SendDownloadRequestAsync(HttpClient http, HttpRequestMessage request, Uri fileUrl, CancellationToken cancellationToken)
    {
        try
        {
            return await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException exception)
        {
            throw DownloadErrors.FromTransport(exception, fileUrl);
        }
        catch (OperationCanceledException exception) when (!cancellationToken.IsCancellationRequested)
        {
            throw DownloadErrors.FromTimeout(exception, fileUrl);
        }
    }

    private static async Task<int> ReadBodyAsync(Stream body, byte[] buffer, Uri fileUrl, CancellationToken cancellationToken)
    {
        try
        {
            return await body.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is IOException or HttpRequestException)
        {
            throw DownloadErrors.FromTransport(exception, fileUrl);
        }
    }
}
