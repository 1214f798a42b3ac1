using Poyo.OpenApi.Testing.Internal;

namespace Poyo.OpenApi.Testing;

/// <summary>A file a <see cref="PoyoSandbox"/> stored through one of its upload endpoints, for assertions.</summary>
public sealed class SandboxUpload
{
    internal SandboxUpload(StoredUpload upload, Uri fileUrl)
    {
        FileId = upload.FileId;
        FileName = upload.FileName;
        OriginalName = upload.OriginalName;
        ContentType = upload.ContentType;
        Content = upload.Content;
        Source = upload.Source;
        UploadPath = upload.UploadPath;
        FileUrl = fileUrl;
        UploadedAt = upload.UploadedAt;
        ExpiresAt = upload.ExpiresAt;
    }

    /// <summary>The <c>file_id</c> returned, <c>f_000001</c> and up.</summary>
    public string FileId { get; }

    /// <summary>The name stored under (<c>file_name</c> if sent, else the uploaded name), reduced to plain characters.</summary>
    public string FileName { get; }

    /// <summary>The name the file came with: the multipart file name, or the URL's last segment.</summary>
    public string OriginalName { get; }

    /// <summary>The content type: the multipart part's, the data URI's, or the one of the name's extension.</summary>
    public string ContentType { get; }

    /// <summary>
    /// The bytes stored: those uploaded (stream, base64), or for an upload by URL a placeholder naming the URL (the
    /// sandbox never fetches anything).
    /// </summary>
    public IReadOnlyList<byte> Content { get; }

    /// <summary>Which endpoint stored it: <c>stream</c>, <c>url</c> or <c>base64</c>.</summary>
    public string Source { get; }

    /// <summary>The <c>upload_path</c> sent, if any.</summary>
    public string? UploadPath { get; }

    /// <summary>The <c>file_url</c> returned, served by the sandbox under <c>/uploads/</c>.</summary>
    public Uri FileUrl { get; }

    /// <summary>When it was stored, on the sandbox clock.</summary>
    public DateTimeOffset UploadedAt { get; }

    /// <summary>The <c>expires_at</c> returned: 24 h for a streamed video on the default path, 72 h otherwise.</summary>
    public DateTimeOffset ExpiresAt { get; }

    /// <summary>A one-line summary.</summary>
    public override string ToString() => $"SandboxUpload {FileId} {FileName} ({ContentType}, {Content.Count} bytes, {Source})";
}
