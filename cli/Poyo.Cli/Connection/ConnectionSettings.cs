using System.CommandLine;
using Poyo.Cli.Commands;
using Poyo.OpenApi;

namespace Poyo.Cli.Connection;

/// <summary>The key and base URL from the options, else from the environment (<c>POYO_API_KEY</c>, <c>POYO_BASE_URL</c>).</summary>
/// <param name="ApiKey">The key, or null when none was given anywhere.</param>
/// <param name="BaseUrl">The base URL, or null when none was given anywhere (the library then uses https://api.poyo.ai).</param>
internal sealed record ConnectionSettings(string? ApiKey, Uri? BaseUrl)
{
    /// <summary>Reads the options and the environment.</summary>
    /// <exception cref="CliException">The base URL is not an absolute http(s) URL (exit code 2).</exception>
    public static ConnectionSettings Read(ParseResult parseResult)
    {
        var apiKey = NullIfBlank(parseResult.GetValue(ConnectionOptions.ApiKey))
            ?? NullIfBlank(Environment.GetEnvironmentVariable(PoyoClientOptions.ApiKeyEnvironmentVariable));
        var baseUrlText = NullIfBlank(parseResult.GetValue(ConnectionOptions.BaseUrl));
        var source = "--base-url";
        if (baseUrlText is null)
        {
            baseUrlText = NullIfBlank(Environment.GetEnvironmentVariable(PoyoClientOptions.BaseUrlEnvironmentVariable));
            source = PoyoClientOptions.BaseUrlEnvironmentVariable;
        }

        Uri? baseUrl = null;
        if (baseUrlText is not null
            && (!Uri.TryCreate(baseUrlText, UriKind.Absolute, out baseUrl) || (baseUrl.Scheme != Uri.UriSchemeHttp && baseUrl.Scheme != Uri.UriSchemeHttps)))
        {
            throw CliException.InvalidInput($"{source}: '{baseUrlText}' is not an absolute http(s) URL.");
        }

        return new ConnectionSettings(apiKey?.Trim(), baseUrl);
    }

    private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
