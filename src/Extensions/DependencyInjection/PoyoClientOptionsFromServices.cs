using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Poyo.OpenApi;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Fills what configuration and code left unset: the base URL from <c>POYO_BASE_URL</c>, and the clock and the
/// logger factory from the container. (The key falls back to <c>POYO_API_KEY</c> inside <see cref="PoyoClientOptions"/> itself.)
/// </summary>
internal sealed class PoyoClientOptionsFromServices(IServiceProvider services) : IPostConfigureOptions<PoyoClientOptions>
{
    public void PostConfigure(string? name, PoyoClientOptions options)
    {
        if (options.BaseUrl is null
            && Uri.TryCreate(Environment.GetEnvironmentVariable(PoyoClientOptions.BaseUrlEnvironmentVariable), UriKind.Absolute, out var baseUrl))
        {
            options.BaseUrl = baseUrl;
        }

        if (ReferenceEquals(options.TimeProvider, TimeProvider.System) && services.GetService(typeof(TimeProvider)) is TimeProvider clock)
        {
            options.TimeProvider = clock;
        }

        options.LoggerFactory ??= services.GetService(typeof(ILoggerFactory)) as ILoggerFactory;
    }
}
