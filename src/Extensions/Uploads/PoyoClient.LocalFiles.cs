namespace Poyo.OpenApi;

/// <summary>Local files as model inputs.</summary>
public partial class PoyoClient
{
    /// <summary>
    /// Turns a local file into an input URL: checks that it exists, that its extension suits <paramref name="kind"/>
    /// (.jpg, .jpeg or .png for <see cref="PreflightInputKind.Image"/>, also .webp for
    /// <see cref="PreflightInputKind.ElementImage"/>, .mp4 or .mov for <see cref="PreflightInputKind.Video"/>) and its
    /// size the limit (10 MiB images, 100 MiB videos), all before anything is sent; then streams it to PoYo as the
    /// multipart part <c>file</c>, with the content type of its extension, never read whole into memory. Not retried
    /// automatically; the upload must finish within the HTTP client's timeout (<see cref="PoyoClientOptions.NetworkTimeout"/>).
    /// </summary>
    /// <example>
    /// <code>
    /// var video = await client.UploadLocalFileAsync("dance.mp4", PreflightInputKind.Video);
    /// var input = new KlingMotionControlInput(image.FileUrl!, video.FileUrl!, CharacterOrientation.Video);
    /// </code>
    /// </example>
    /// <param name="path">The file's path.</param>
    /// <param name="kind">The input field the file is for; its extensions and size limit apply.</param>
    /// <param name="uploadPath">Optional folder at PoYo; null for PoYo's default.</param>
    /// <param name="cancellationToken">Cancels the upload.</param>
    /// <returns>The stored file; <see cref="UploadedFile.FileUrl"/> goes into the model input, before <see cref="UploadedFile.ExpiresAt"/>.</returns>
    /// <exception cref="ArgumentException"><paramref name="path"/> is null, empty or whitespace.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="kind"/> is not a defined value.</exception>
    /// <exception cref="FileNotFoundException">No file is at <paramref name="path"/>; nothing was sent.</exception>
    /// <exception cref="PoyoValidationException">
    /// The extension or size does not suit <paramref name="kind"/> (checked unless <see cref="PoyoClientOptions.ValidateRequests"/> is off); nothing was sent.
    /// </exception>
    /// <exception cref="PoyoException">PoYo refused the upload, answered without <c>data.file_url</c>, or could not be reached.</exception>
    public virtual async Task<UploadedFile> UploadLocalFileAsync(
        string path,
        PreflightInputKind kind,
        string? uploadPath = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!Enum.IsDefined(kind))
        {
            throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown input kind.");
        }

        var file = new FileInfo(path);
        if (!file.Exists)
        {
            throw new FileNotFoundException($"No file at '{file.FullName}'; nothing was uploaded.", file.FullName);
        }

        var extension = UploadRules.ExtensionOf(file.Name);
        var problems = new List<PoyoValidationFailure>();
        CheckUploadPath(problems, uploadPath);
        if (Options.ValidateRequests)
        {
            var noun = kind == PreflightInputKind.Video ? "video" : "image";
            var problem = UploadRules.CheckExtension(extension, UploadRules.ExtensionsFor(kind), noun);
            Add(problems, "file", problem is null ? null : $"{file.Name} {problem}");
            var sizeProblem = UploadRules.CheckSize(file.Length, kind);
            Add(problems, "file", sizeProblem is null ? null : $"{file.Name} {sizeProblem}");
        }

        ThrowIfAny(problems);
        var stream = new FileStream(file.FullName, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, FileOptions.Asynchronous | FileOptions.SequentialScan);
        await using (stream.ConfigureAwait(false))
        {
            return await SendFileAsync(stream, file.Name, UploadRules.MediaTypeOf(extension), uploadPath, cancellationToken).ConfigureAwait(false);
        }
    }
}
