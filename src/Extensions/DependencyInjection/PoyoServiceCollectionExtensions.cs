using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Poyo.OpenApi;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers <see cref="PoyoClient"/> with dependency injection.</summary>
public static class PoyoServiceCollectionExtensions
{
    /// <summary>The configuration section read by <see cref="AddPoyoClient(IServiceCollection, Action{PoyoClientOptions}?)"/>.</summary>
    public const string DefaultConfigurationSection = "Poyo";

    /// <summary>
    /// Registers <see cref="PoyoClient"/> as a typed client of <c>IHttpClientFactory</c>. Options come, in this order
    /// (later wins), from the <c>Poyo</c> configuration section (<c>ApiKey</c>, <c>BaseUrl</c>, <c>NetworkTimeout</c>,
    /// <c>Waiting:…</c>, …), then <paramref name="configure"/>; a key or base URL still unset falls back to
    /// <c>POYO_API_KEY</c> / <c>POYO_BASE_URL</c>. The client logs through the registered <c>ILoggerFactory</c> and
    /// uses the registered <see cref="TimeProvider"/>, if any.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Optional code configuration, applied after the configuration section.</param>
    /// <returns>The HTTP client builder, to add handlers of your own. Do not add a retry handler that retries
    /// POST: the client already retries reads, and a submit is paid.</returns>
    public static IHttpClientBuilder AddPoyoClient(this IServiceCollection services, Action<PoyoClientOptions>? configure = null) =>
        services.AddPoyoClient(DefaultConfigurationSection, configure);

    /// <summary>
    /// Registers <see cref="PoyoClient"/> as a typed client, reading options from the configuration section at
    /// <paramref name="configurationSectionPath"/> (e.g. <c>"Services:Poyo"</c>) instead of <c>Poyo</c>.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configurationSectionPath">The path of the configuration section holding the options.</param>
    /// <param name="configure">Optional code configuration, applied after the configuration section.</param>
    /// <returns>The HTTP client builder, to add handlers of your own.</returns>
    public static IHttpClientBuilder AddPoyoClient(
        this IServiceCollection services,
        string configurationSectionPath,
        Action<PoyoClientOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(configurationSectionPath);

        services.AddOptions<PoyoClientOptions>();
        services.AddSingleton<IConfigureOptions<PoyoClientOptions>>(
            provider => new PoyoClientOptionsFromConfiguration(provider.GetService<IConfiguration>(), configurationSectionPath));
        if (configure is not null)
        {
            services.Configure(configure);
        }

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPostConfigureOptions<PoyoClientOptions>, PoyoClientOptionsFromServices>());

        var builder = services.AddHttpClient(nameof(PoyoClient));
        builder.AddTypedClient((httpClient, provider) =>
            new PoyoClient(httpClient, provider.GetRequiredService<IOptions<PoyoClientOptions>>().Value));
        return builder
            .ConfigureHttpClient((provider, httpClient) =>
                httpClient.Timeout = provider.GetRequiredService<IOptions<PoyoClientOptions>>().Value.NetworkTimeout)
            .RedactLoggedHeaders(static _ => true);
    }
}
