using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using WireMock;

namespace Poyo.OpenApi.Testing.Internal;

/// <summary>
/// The three upload endpoints, answering like PoYo: FastAPI-style <c>{"detail":…}</c> for a malformed request (422)
/// or a file too large (413), <c>{success:false, code:400, msg}</c> inside HTTP 200 for a file type PoYo does not take,
/// else <c>{success, code, msg, data}</c> with a <c>file_url</c> the sandbox itself serves.
/// </summary>
internal sealed class UploadHandler
{
    public const string StreamPath = "/api/common/upload/stream";
    public const string UrlPath = "/api/common/upload/url";
    public const string Base64Path = "/api/common/upload/base64";

    private const long MaxImageBytes = 10L * 1024 * 1024;
    private const long MaxVideoBytes = 100L * 1024 * 1024;
    private const long MaxBase64Bytes = 5L * 1024 * 1024;

    private readonly PoyoSandboxOptions _options;
    private readonly FailureSwitchboard _failures;
    private readonly UploadStore _uploads;
    private readonly Func<StoredUpload, Uri> _fileUrl;
    private int _requestCount;

    public UploadHandler(PoyoSandboxOptions options, FailureSwitchboard failures, UploadStore uploads, Func<StoredUpload, Uri> fileUrl)
    {
        _options = options;
        _failures = failures;
        _uploads = uploads;
        _fileUrl = fileUrl;
    }

    /// <summary>Every upload request received, whatever the answer.</summary>
    public int RequestCount => Volatile.Read(ref _requestCount);

    public ResponseMessage HandleStream(IRequestMessage request) => Gate(request) ?? Stream(request);

    public ResponseMessage HandleUrl(IRequestMessage request) => Gate(request) ?? FromUrl(request);

    public ResponseMessage HandleBase64(IRequestMessage request) => Gate(request) ?? FromBase64(request);

    private ResponseMessage? Gate(IRequestMessage request)
    {
        Interlocked.Increment(ref _requestCount);
        return RequestGate.Refusal(request, _failures, _options.ApiKey);
    }

    private ResponseMessage Stream(IRequestMessage request)
    {
        var form = ReadForm(request);
        if (form?.File is not { } file)
        {
            return Missing("file");
        }

        var name = System.IO.Path.GetFileName(file.FileName ?? string.Empty);
        var extension = System.IO.Path.GetExtension(name).ToLowerInvariant();
        var isVideo = extension is ".mp4" or ".mov";
        if (!isVideo && extension is not (".jpg" or ".jpeg" or ".png" or ".webp"))
        {
            return PoyoResponses.UploadRefused(400, $"Unsupported file type: {(extension.Length == 0 ? "none" : extension)}");
        }

        if (file.Content.LongLength > (isVideo ? MaxVideoBytes : MaxImageBytes))
        {
            return PoyoResponses.Detail(413, "File too large");
        }

        // PoYo keeps streamed videos on the default path for 24 h, everything else for 72 h.
        var lifetime = isVideo && form.UploadPath is null ? TimeSpan.FromHours(24) : TimeSpan.FromHours(72);
        var contentType = file.ContentType ?? ContentTypeOf(extension);
        return Store(form.FileName ?? name, name, contentType, file.Content, "stream", form.UploadPath, lifetime);
    }

    private ResponseMessage FromUrl(IRequestMessage request)
    {
        var body = RequestJson.ReadObject(request);
        var url = body?["file_url"] is JValue { Type: JTokenType.String } value ? value.Value<string>() : null;
        if (url is null)
        {
            return Missing("file_url");
        }

        if (!Uri.TryCreate(url, UriKind.Absolute, out var source) || source.Scheme is not ("http" or "https"))
        {
            return PoyoResponses.Detail(422, "file_url must be an http or https URL");
        }

        // The sandbox never leaves the loopback interface: it stores a placeholder instead of fetching the URL.
        var original = System.IO.Path.GetFileName(source.AbsolutePath);
        var name = Text(body!, "file_name") ?? (original.Length == 0 ? "file" : original);
        var content = Encoding.UTF8.GetBytes($"poyo-sandbox copy of {source.AbsoluteUri}\n");
        return Store(name, original, ContentTypeOf(System.IO.Path.GetExtension(name).ToLowerInvariant()), content, "url", Text(body!, "upload_path"), TimeSpan.FromHours(72));
    }

    private ResponseMessage FromBase64(IRequestMessage request)
    {
        var body = RequestJson.ReadObject(request);
        var data = body is null ? null : Text(body, "base64_data");
        if (data is null)
        {
            return Missing("base64_data");
        }

        string? mediaType = null;
        if (data.StartsWith("data:", StringComparison.OrdinalIgnoreCase))
        {
            var comma = data.IndexOf(',', StringComparison.Ordinal);
            if (comma < 0)
            {
                return PoyoResponses.Detail(422, "Invalid data URI");
            }

            mediaType = data[5..comma].Replace(";base64", string.Empty, StringComparison.OrdinalIgnoreCase);
            data = data[(comma + 1)..];
        }

        byte[] content;
        try
        {
            content = Convert.FromBase64String(data);
        }
        catch (FormatException)
        {
            return PoyoResponses.Detail(422, "Invalid base64 data");
        }

        if (content.LongLength > MaxBase64Bytes)
        {
            return PoyoResponses.Detail(413, "File too large");
        }

        var name = Text(body!, "file_name") ?? "image" + (mediaType is "image/jpeg" ? ".jpg" : mediaType is "image/webp" ? ".webp" : ".png");
        var contentType = string.IsNullOrEmpty(mediaType) ? ContentTypeOf(System.IO.Path.GetExtension(name).ToLowerInvariant()) : mediaType;
        return Store(name, name, contentType, content, "base64", Text(body!, "upload_path"), TimeSpan.FromHours(72));
    }

    private ResponseMessage Store(string name, string originalName, string contentType, byte[] content, string source, string? uploadPath, TimeSpan lifetime)
    {
        var now = _options.TimeProvider.GetUtcNow();
        var upload = _uploads.Add(id => new StoredUpload(id, SafeName(name), originalName, contentType, content, source, uploadPath, now, now + lifetime));
        var url = _fileUrl(upload);
        return PoyoResponses.Uploaded(new JObject
        {
            ["file_id"] = upload.FileId,
            ["file_name"] = upload.FileName,
            ["original_name"] = upload.OriginalName,
            ["file_size"] = content.LongLength,
            ["mime_type"] = contentType,
            ["upload_path"] = uploadPath ?? "uploads",
            ["file_url"] = url.AbsoluteUri,
            ["download_url"] = url.AbsoluteUri + "?download=1",
            ["upload_time"] = PoyoResponses.PreciseTimestamp(upload.UploadedAt),
            ["expires_at"] = PoyoResponses.Timestamp(upload.ExpiresAt),
        });
    }

    private static ResponseMessage Missing(string field) => PoyoResponses.Json(422, new JObject
    {
        ["detail"] = new JArray(new JObject
        {
            ["loc"] = new JArray("body", field),
            ["msg"] = "field required",
            ["type"] = "value_error.missing",
        }),
    });

    private static string SafeName(string name)
    {
        var plain = new string(name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '_').ToArray()).Trim('.');
        return plain.Length == 0 ? "file" : plain;
    }

    private static string ContentTypeOf(string extension) => extension switch
    {
        ".jpg" or ".jpeg" => "image/jpeg",
        ".png" => "image/png",
        ".webp" => "image/webp",
        ".mp4" => "video/mp4",
        ".mov" => "video/quicktime",
        _ => "application/octet-stream",
    };

    private static string? Text(JObject body, string name) =>
        body[name] is JValue { Type: JTokenType.String } value && !string.IsNullOrWhiteSpace(value.Value<string>()) ? value.Value<string>() : null;

    private sealed record FilePart(string? FileName, string? ContentType, byte[] Content);

    private sealed record Form(FilePart? File, string? UploadPath, string? FileName);

    private static Form? ReadForm(IRequestMessage request)
    {
        var header = RequestHeaders.First(request, "Content-Type");
        if (header is null || !MediaTypeHeaderValue.TryParse(header, out var contentType)
            || !string.Equals(contentType.MediaType.Value, "multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var boundary = HeaderUtilities.RemoveQuotes(contentType.Boundary).Value;
        var bytes = request.BodyAsBytes ?? (request.Body is { } text ? Encoding.UTF8.GetBytes(text) : null);
        if (string.IsNullOrEmpty(boundary) || bytes is null)
        {
            return null;
        }

        try
        {
            return ReadFormAsync(boundary, bytes).GetAwaiter().GetResult();
        }
        catch (IOException)
        {
            return null;
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }

    private static async Task<Form> ReadFormAsync(string boundary, byte[] bytes)
    {
        var reader = new MultipartReader(boundary, new MemoryStream(bytes)) { BodyLengthLimit = null };
        FilePart? file = null;
        string? uploadPath = null;
        string? fileName = null;
        while (await reader.ReadNextSectionAsync().ConfigureAwait(false) is { } section)
        {
            if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition))
            {
                continue;
            }

            using var buffer = new MemoryStream();
            await section.Body.CopyToAsync(buffer).ConfigureAwait(false);
            switch (HeaderUtilities.RemoveQuotes(disposition.Name).Value)
            {
                case "file" when disposition.FileName.HasValue || disposition.FileNameStar.HasValue:
                    var name = disposition.FileNameStar.HasValue ? disposition.FileNameStar.Value : HeaderUtilities.RemoveQuotes(disposition.FileName).Value;
                    file = new FilePart(name, section.ContentType, buffer.ToArray());
                    break;
                case "upload_path":
                    uploadPath = Encoding.UTF8.GetString(buffer.ToArray());
                    break;
                case "file_name":
                    fileName = Encoding.UTF8.GetString(buffer.ToArray());
                    break;
            }
        }

        return new Form(file, uploadPath, fileName);
    }
}
