namespace Poyo.OpenApi;

/// <summary>A file stored at PoYo by an upload (see <c>UploadedFile</c> in openapi/poyo.yaml).</summary>
public partial class UploadedFile
{
    /// <summary>A one-line summary for logs: the URL without its query (which may hold a signature) and the expiry.</summary>
    public override string ToString() =>
        $"UploadedFile {(FileUrl is { IsAbsoluteUri: true } url ? url.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped) : FileUrl?.ToString())}" +
        (ExpiresAt is { } expires ? $" expires {expires:u}" : string.Empty);
}
