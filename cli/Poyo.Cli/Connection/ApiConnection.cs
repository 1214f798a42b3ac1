using Poyo.Cli.Waiting;
using Poyo.OpenApi;
using Poyo.OpenApi.Testing;

namespace Poyo.Cli.Connection;

/// <summary>
/// A <see cref="PoyoClient"/> set up from <c>--api-key</c>/<c>POYO_API_KEY</c> and <c>--base-url</c>/<c>POYO_BASE_URL</c>;
/// with neither a key nor a base URL, the client talks to an embedded local <see cref="PoyoSandbox"/> started here.
/// </summary>
internal sealed class ApiConnection : IDisposable
{
    private ApiConnection(PoyoClient client, PoyoSandbox? sandbox)
    {
        Client = client;
        Sandbox = sandbox;
    }

    /// <summary>The client to use.</summary>
    public PoyoClient Client { get; }

    /// <summary>The embedded sandbox, when no key and no base URL were given.</summary>
    public PoyoSandbox? Sandbox { get; }

    /// <summary>Resolves the key and base URL and creates the client (and the sandbox, saying so on <paramref name="error"/>).</summary>
    /// <exception cref="CliException">The base URL is not an absolute http(s) URL (exit code 2).</exception>
    public static ApiConnection Open(ConnectionSettings settings, WaitSettings waiting, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.ApiKey is null && settings.BaseUrl is null)
        {
            var sandbox = PoyoSandbox.Start();
            error.WriteLine($"No API key (--api-key or {PoyoClientOptions.ApiKeyEnvironmentVariable}) and no base URL: using the embedded local sandbox at {sandbox.Url} (nothing is sent to PoYo).");
            var sandboxOptions = new PoyoClientOptions { ApiKey = sandbox.ApiKey, BaseUrl = sandbox.Url, Waiting = waiting.ToOptions(embeddedSandbox: true) };
            return new ApiConnection(new PoyoClient(sandboxOptions), sandbox);
        }

        var options = new PoyoClientOptions
        {
            // A blank key is passed as-is: the client then fails with "No PoYo API key" before sending anything (exit 3).
            ApiKey = settings.ApiKey ?? string.Empty,
            BaseUrl = settings.BaseUrl,
            Waiting = waiting.ToOptions(embeddedSandbox: false),
        };
        return new ApiConnection(new PoyoClient(options), null);
    }

    public void Dispose()
    {
        Client.Dispose();
        Sandbox?.Dispose();
    }
}
