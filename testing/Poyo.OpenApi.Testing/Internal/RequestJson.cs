using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using WireMock;

namespace Poyo.OpenApi.Testing.Internal;

/// <summary>Reading a request's body as the JSON object the real API expects; anything else is null, for a 400.</summary>
internal static class RequestJson
{
    /// <summary>The body as text, whether WireMock kept it as a string or as bytes.</summary>
    public static string? Text(IRequestMessage request) =>
        request.Body ?? (request.BodyAsBytes is { } bytes ? Encoding.UTF8.GetString(bytes) : null);

    /// <summary>The text as a JSON object; null when it is empty, not JSON, or not an object.</summary>
    public static JObject? ParseObject(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        try
        {
            return JToken.Parse(text) as JObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The request's body as a JSON object; null when it is not one.</summary>
    public static JObject? ReadObject(IRequestMessage request) => ParseObject(Text(request));
}
