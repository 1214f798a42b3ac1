namespace Poyo.OpenApi.Testing.Internal;

/// <summary>One file the sandbox stored through an upload endpoint.</summary>
internal sealed record StoredUpload(
    string FileId,
    string FileName,
    string OriginalName,
    string ContentType,
    byte[] Content,
    string Source,
    string? UploadPath,
    DateTimeOffset UploadedAt,
    DateTimeOffset ExpiresAt);
