using Newtonsoft.Json;

namespace Poyo.OpenApi;

/// <summary>Shares the generated client's serializer settings, so a callback body parses exactly like a status body.</summary>
internal partial class PoyoRestClient
{
    /// <summary>The settings every response of the generated client is read with (see PoyoRestClient.Hooks.cs).</summary>
    internal static JsonSerializerSettings SharedJsonSerializerSettings => _settings.Value;
}
