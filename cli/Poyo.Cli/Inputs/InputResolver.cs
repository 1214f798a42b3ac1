using Poyo.OpenApi;

namespace Poyo.Cli.Inputs;

/// <summary>
/// Turns an <c>--image</c>/<c>--video</c> value into the URL PoYo fetches: an http(s) URL is used as it is; a local
/// file is uploaded first (<see cref="PoyoClient.UploadLocalFileAsync"/>). Anything else is rejected before any
/// request (exit code 2).
/// </summary>
internal sealed class InputResolver
{
    /// <summary>The host of the stand-in URL a local file gets while the whole request is validated.</summary>
    private const string LocalPlaceholderHost = "local-file.invalid";

    private readonly PoyoClient _client;

    public InputResolver(PoyoClient client)
    {
        _client = client;
    }

    /// <summary>
    /// Classifies one value without sending anything: an http(s) URL as it is, or for an existing local file a stand-in
    /// URL ending in its file name, so that the request's own rules (extension, …) can be checked before any upload.
    /// </summary>
    /// <param name="value">A URL or a local path.</param>
    /// <param name="optionName">The option it came from, for the message.</param>
    /// <exception cref="CliException">Neither an http(s) URL nor an existing file.</exception>
    public static ResolvedInput Classify(string value, string optionName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        if (Uri.TryCreate(value, UriKind.Absolute, out var url) && !url.IsFile)
        {
            return url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps
                ? new ResolvedInput(url, LocalPath: null)
                : throw CliException.InvalidInput($"{optionName}: '{value}' is neither an http(s) URL nor a local file.");
        }

        var path = Path.GetFullPath(value);
        if (!File.Exists(path))
        {
            throw CliException.InvalidInput($"{optionName}: no such file '{value}' (give an http(s) URL or an existing local file).");
        }

        var placeholder = new UriBuilder(Uri.UriSchemeHttps, LocalPlaceholderHost) { Path = Uri.EscapeDataString(Path.GetFileName(path)) }.Uri;
        return new ResolvedInput(placeholder, path);
    }

    /// <summary>The URL to submit: the input's own URL, or the PoYo URL of the uploaded local file.</summary>
    /// <param name="input">A classified input.</param>
    /// <param name="kind">Whether it is the image or the video (their size and type limits differ).</param>
    /// <param name="cancellationToken">Cancels an upload.</param>
    public async Task<Uri> UploadIfLocalAsync(ResolvedInput input, PreflightInputKind kind, CancellationToken cancellationToken)
    {
        if (input.LocalPath is null)
        {
            return input.Url;
        }

        var uploaded = await _client.UploadLocalFileAsync(input.LocalPath, kind, cancellationToken: cancellationToken).ConfigureAwait(false);
        return uploaded.FileUrl!; // the client refuses an upload answer without file_url
    }
}

/// <summary>An <c>--image</c>/<c>--video</c> value: its URL, or a stand-in URL and the local file to upload.</summary>
/// <param name="Url">The URL to submit, or the stand-in for a local file.</param>
/// <param name="LocalPath">The local file's full path; null for a URL.</param>
internal sealed record ResolvedInput(Uri Url, string? LocalPath);
