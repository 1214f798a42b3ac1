using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Poyo.OpenApi;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Binds <see cref="PoyoClientOptions"/> from a configuration section, when configuration is registered.</summary>
internal sealed class PoyoClientOptionsFromConfiguration(IConfiguration? configuration, string sectionPath)
    : IConfigureOptions<PoyoClientOptions>
{
    public void Configure(PoyoClientOptions options)
    {
        configuration?.GetSection(sectionPath).Bind(options);
    }
}
