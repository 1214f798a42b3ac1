using System.Globalization;

namespace Poyo.OpenApi;

/// <summary>Uploads: turn bytes, base64 or a remote URL into a short-lived PoYo URL for a model input.</summary>
public partial class PoyoClient
{
    /// <summary>
    /// Uploads a file's bytes (multipart, part <c>file</c>) and returns its PoYo URL. The stream is sent as it is read,
    /// never buffered whole. Not retried automatically. The whole upload must finish within the HTTP client's timeout
    /// (<see cref="PoyoClientOptions.NetworkTimeout"/> for a client this library creates): raise it for large videos
    /// on slow links. A stream that cannot seek is size-checked as it is sent: the upload stops past the limit.
    /// </summary>
    /// <param name="content">The file's bytes, read from its current position. Not disposed.</param>
    /// <param name="fileName">The file's name, e.g. <c>dance.mp4</c>: its extension decides the part's content type and the size limit.</param>
    /// <param name="uploadPath">Optional folder at PoYo; null for PoYo's default.</param>
    /// <param name="cancellationToken">Cancels the upload.</param>
    /// <returns>The stored file; put <see cref="UploadedFile.FileUrl"/> into a model input before <see cref="UploadedFile.ExpiresAt"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="content"/> or <paramref name="fileName"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="content"/> cannot be read.</exception>
    /// <exception cref="PoyoValidationException">
    /// The name is not a plain file name, or (unless <see cref="PoyoClientOptions.ValidateRequests"/> is off) its extension is
    /// not .jpg, .jpeg, .png, .webp, .mp4 or .mov, or a seekable stream holds more than 10 MiB of image or 100 MiB of
    /// video. Nothing was sent.
    /// </exception>
    /// <exception cref="PoyoException">
    /// PoYo refused the upload, answered without <c>data.file_url</c>, or could not be reached; or a stream that cannot
    /// seek turned out larger than the limit while it was sent (<see cref="PoyoErrorCategory.InvalidRequest"/>).
    /// </exception>
    public virtual async Task<UploadedFile> UploadFileAsync(
        Stream content,
        string fileName,
        string? uploadPath = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(fileName);
        if (!content.CanRead)
        {
            throw new ArgumentException("The stream cannot be read.", nameof(content));
        }

        var extension = UploadRules.ExtensionOf(fileName);
        var problems = new List<PoyoValidationFailure>();
        Add(problems, "file", UploadRules.CheckPlainName(fileName));
        CheckUploadPath(problems, uploadPath);
        long? stopAfter = null;
        if (Options.ValidateRequests)
        {
            var problem = UploadRules.CheckExtension(extension, UploadRules.AnyInputExtensions, "file");
            Add(problems, "file", problem);
            if (problem is null && content.CanSeek)
            {
                Add(problems, "file", UploadRules.CheckSize(content.Length - content.Position, UploadRules.KindOf(extension)!.Value));
            }
            else if (problem is null)
            {
                stopAfter = InputFileLimits.MaxBytes(UploadRules.KindOf(extension)!.Value);
            }
        }

        ThrowIfAny(problems);
        var part = new UploadContentStream(content, stopAfter);
        try
        {
            return await SendFileAsync(part, fileName, UploadRules.MediaTypeOf(extension), uploadPath, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (FindTooLarge(exception) is { } tooLarge)
        {
            throw new PoyoException(
                PoyoErrorCategory.InvalidRequest,
                string.Create(CultureInfo.InvariantCulture, $"{fileName} is larger than {tooLarge.Limit:N0} bytes, the most PoYo accepts for this kind of file; the upload was stopped part-way."),
                innerException: exception);
        }
    }

    /// <summary>Asks PoYo to fetch a remote file and keep a copy (72 h). Not retried automatically.</summary>
    /// <param name="fileUrl">The absolute http(s) URL PoYo downloads the file from.</param>
    /// <param name="fileName">Optional name to store it under (.jpg, .jpeg, .png, .webp, .mp4 or .mov).</param>
    /// <param name="uploadPath">Optional folder at PoYo.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The stored file, with its PoYo <see cref="UploadedFile.FileUrl"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="fileUrl"/> is null.</exception>
    /// <exception cref="PoyoValidationException">The URL is not absolute http(s), or the name is invalid; nothing was sent.</exception>
    /// <exception cref="PoyoException">PoYo refused the upload, answered without <c>data.file_url</c>, or could not be reached.</exception>
    public virtual async Task<UploadedFile> UploadFromUrlAsync(
        Uri fileUrl,
        string? fileName = null,
        string? uploadPath = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(fileUrl);
        var problems = new List<PoyoValidationFailure>();
        if (!UrlRules.IsAbsoluteHttp(fileUrl))
        {
            problems.Add(new PoyoValidationFailure("file_url", $"must be an absolute http(s) URL PoYo can fetch (got '{fileUrl.OriginalString}')"));
        }

        CheckStoredName(problems, fileName, UploadRules.AnyInputExtensions);
        CheckUploadPath(problems, uploadPath);
        ThrowIfAny(problems);

        var body = new UploadUrlRequest { FileUrl = fileUrl, FileName = fileName, UploadPath = uploadPath };
        var response = await SendAsync(
            static (rest, state, token) => rest.UploadFromUrlAsync(state, token),
            body,
            "upload a file by URL",
            PoyoRequestKind.Write, // never retried automatically (not paid, but its outcome may be unknown)
            cancellationToken).ConfigureAwait(false);
        return UnwrapUpload(response);
    }

    /// <summary>
    /// Uploads a small image given as base64 (raw, or a <c>data:image/…;base64,</c> URI) and returns its PoYo URL
    /// (72 h). At most 5 MiB decoded; use <see cref="UploadFileAsync"/> for more. Not retried automatically.
    /// </summary>
    /// <param name="base64Data">The image as base64.</param>
    /// <param name="fileName">Optional name to store it under (.jpg, .jpeg, .png or .webp).</param>
    /// <param name="uploadPath">Optional folder at PoYo.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The stored file, with its PoYo <see cref="UploadedFile.FileUrl"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="base64Data"/> is null.</exception>
    /// <exception cref="PoyoValidationException">The data is not base64, is empty, decodes to more than 5 MiB, or is not a JPEG, PNG or WebP data URI; nothing was sent.</exception>
    /// <exception cref="PoyoException">PoYo refused the upload, answered without <c>data.file_url</c>, or could not be reached.</exception>
    public virtual async Task<UploadedFile> UploadBase64Async(
        string base64Data,
        string? fileName = null,
        string? uploadPath = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(base64Data);
        var problems = new List<PoyoValidationFailure>();
        Add(problems, "base64_data", UploadRules.CheckBase64(base64Data));
        CheckStoredName(problems, fileName, UrlRules.ElementImageExtensions);
        CheckUploadPath(problems, uploadPath);
        ThrowIfAny(problems);

        var body = new UploadBase64Request { Base64Data = base64Data, FileName = fileName, UploadPath = uploadPath };
        var response = await SendAsync(
            static (rest, state, token) => rest.UploadBase64Async(state, token),
            body,
            "upload base64 data",
            PoyoRequestKind.Write, // never retried automatically
            cancellationToken).ConfigureAwait(false);
        return UnwrapUpload(response);
    }

    /// <summary>Sends a checked file as the multipart part <c>file</c>.</summary>
    private async Task<UploadedFile> SendFileAsync(Stream content, string fileName, string mediaType, string? uploadPath, CancellationToken cancellationToken)
    {
        var file = new FileParameter(content, fileName, mediaType);
        var response = await SendAsync(
            static (rest, state, token) => rest.UploadFileStreamAsync(state.file, state.uploadPath, fileName: null, token),
            (file, uploadPath),
            "upload a file",
            PoyoRequestKind.Write, // never retried automatically (the stream cannot be replayed either)
            cancellationToken).ConfigureAwait(false);
        return UnwrapUpload(response);
    }

    /// <summary>
    /// The <c>data</c> of the upload envelope <c>{success, code, msg, data}</c>: <c>success</c> false or a <c>code</c>
    /// other than 200 (or 0) inside HTTP 200 is a refusal; a success without <c>data.file_url</c> breaks the contract.
    /// </summary>
    private UploadedFile UnwrapUpload(UploadResponse response)
    {
        if (response.Success == false || response.Code is { } code && code is not (200 or 0))
        {
            var message = response.Message
                ?? (response.AdditionalProperties.TryGetValue("message", out var fallback) ? fallback?.ToString() : null)
                ?? "no message";
            var what = response.Code is { } failureCode
                ? "code " + failureCode.ToString(CultureInfo.InvariantCulture)
                : "success false";
            return response.Code is { } status
                ? throw new PoyoException(
                    PoyoErrorFactory.Categorize(200, status, null),
                    _errors.Redact($"PoYo refused the upload ({what}): {message}"),
                    200,
                    status)
                : throw new PoyoException(
                    PoyoErrorCategory.UnexpectedResponse,
                    _errors.Redact($"PoYo refused the upload ({what}): {message}"),
                    200);
        }

        if (response.Data is null)
        {
            throw PoyoErrorFactory.MissingField("data");
        }

        return response.Data.FileUrl is null ? throw PoyoErrorFactory.MissingField("data.file_url") : response.Data;
    }

    private static UploadTooLargeException? FindTooLarge(Exception? exception)
    {
        for (; exception is not null; exception = exception.InnerException)
        {
            if (exception is UploadTooLargeException tooLarge)
            {
                return tooLarge;
            }
        }

        return null;
    }

    private static void CheckStoredName(List<PoyoValidationFailure> problems, string? fileName, string[] extensions)
    {
        if (fileName is null)
        {
            return;
        }

        var problem = UploadRules.CheckPlainName(fileName);
        Add(problems, "file_name", problem);
        if (problem is null)
        {
            Add(problems, "file_name", UploadRules.CheckExtension(UploadRules.ExtensionOf(fileName), extensions, "file name"));
        }
    }

    private static void CheckUploadPath(List<PoyoValidationFailure> problems, string? uploadPath)
    {
        if (uploadPath is null)
        {
            return;
        }

        if (string.IsNullOrWhiteSpace(uploadPath) || uploadPath.Length > 255 || uploadPath.Any(char.IsControl) || uploadPath.Contains("..", StringComparison.Ordinal))
        {
            problems.Add(new PoyoValidationFailure("upload_path", "must be a folder name of 1 to 255 characters, without control characters or '..'; null for PoYo's default"));
        }
    }

    private static void Add(List<PoyoValidationFailure> problems, string path, string? problem)
    {
        if (problem is not null)
        {
            problems.Add(new PoyoValidationFailure(path, problem));
        }
    }

    private static void ThrowIfAny(List<PoyoValidationFailure> problems)
    {
        if (problems.Count > 0)
        {
            throw new PoyoValidationException(problems);
        }
    }
}
