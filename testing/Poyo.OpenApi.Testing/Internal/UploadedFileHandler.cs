using WireMock;

namespace Poyo.OpenApi.Testing.Internal;

/// <summary><c>GET /uploads/{file_id}/{name}</c>: the stored bytes of an upload (no key needed, like a storage URL).</summary>
internal sealed class UploadedFileHandler
{
    public const string PathPrefix = "/uploads/";

    private readonly UploadStore _uploads;

    public UploadedFileHandler(UploadStore uploads) => _uploads = uploads;

    public ResponseMessage Handle(IRequestMessage request)
    {
        var rest = request.Path.Length > PathPrefix.Length ? request.Path[PathPrefix.Length..] : string.Empty;
        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        var upload = slash > 0 ? _uploads.Find(rest[..slash]) : null;
        return upload is not null && string.Equals(rest[(slash + 1)..], upload.FileName, StringComparison.Ordinal)
            ? PoyoResponses.Bytes(upload.Content, upload.ContentType)
            : PoyoResponses.NotFound("No such file");
    }
}
