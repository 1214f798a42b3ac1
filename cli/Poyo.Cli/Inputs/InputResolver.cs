using Poyo.OpenApi;

namespace Poyo.Cli.Inputs;

/// <summary>
/// Turns an <c>--image</c>/<c>--video</c> value into the URL PoYo fetches: an http(s) URL is used as it is; a local
/// file would be uploaded first. Anything else is rejected before any request (exit code 2).
/// </summary>
internal sealed class InputResolver
{
    private readonly PoyoClient _client;

    public InputResolver(PoyoClient client)
    {
        _client = client;
    }

    /// <summary>Resolves one value.</summary>
    /// <param name="value">A URL or a local path.</param>
    /// <param name="optionName">The option it came from, for the message.</param>
    /// <param name="cancellationToken">Cancels an upload.</param>
    /// <exception cref="CliException">Neither an http(s) URL nor an existing file, or a file while uploads are unavailable.</exception>
    public Task<Uri> ResolveAsync(string value, string optionName, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        if (Uri.TryCreate(value, UriKind.Absolute, out var url) && !url.IsFile)
        {
            return url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps
                ? Task.FromResult(url)
                : throw CliException.InvalidInput($"{optionName}: '{value}' is neither an http(s) URL nor a local file.");
        }

        var path = Path.GetFullPath(value);
        if (!File.Exists(path))
        {
            throw CliException.InvalidInput($"{optionName}: no such file '{value}' (give an http(s) URL or an existing local file).");
        }

        return UploadAsync(path, optionName, cancellationToken);
    }

    private Task<Uri> UploadAsync(string path, string optionName, CancellationToken cancellationToken)
    {
        // INTEGRATE: upload with the client's upload method (PoyoClient.UploadLocalFileAsync/UploadFileAsync, being added on
        // the api branch) and return the URL it gives, e.g.
        //   return (await _client.UploadLocalFileAsync(path, cancellationToken)).FileUrl;
        // Until then a local file is refused before anything is sent.
        _ = _client;
        _ = cancellationToken;
        throw CliException.InvalidInput($"{optionName}: local files cannot be uploaded by this build yet ('{path}'); upload it somewhere public and pass its https URL.");
    }
}
