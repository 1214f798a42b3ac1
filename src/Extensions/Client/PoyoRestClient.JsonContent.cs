using System.Globalization;
using System.Text;
using Newtonsoft.Json;

namespace Poyo.OpenApi;

/// <summary>
/// JSON request bodies, written by one serializer built once per client (the generator routes every JSON body here;
/// see tools/Poyo.OpenApi.Generator/TemplatePatch.cs). NSwag's own code calls <c>JsonConvert.SerializeObject</c>, which
/// builds a serializer from the settings on every request, then copies the text into <c>StringContent</c> with a
/// <c>text/plain</c> type it then replaces. The bytes on the wire are the same: UTF-8 without a BOM, the same settings,
/// the same Content-Type.
/// </summary>
internal partial class PoyoRestClient
{
    private JsonSerializer? _requestSerializer;

    private ByteArrayContent CreateJsonContent<TBody>(TBody body, string mediaType)
    {
        // As JsonConvert.SerializeObject builds it (JsonConvert.DefaultSettings first, then ours), once.
        var serializer = _requestSerializer ??= JsonSerializer.CreateDefault(JsonSerializerSettings);
        var text = new StringBuilder(256);
        using (var writer = new JsonTextWriter(new StringWriter(text, CultureInfo.InvariantCulture)) { Formatting = serializer.Formatting, ArrayPool = SharedCharArrayPool.Instance })
        {
            serializer.Serialize(writer, body, null);
        }

        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(text.ToString()));
        content.Headers.TryAddWithoutValidation("Content-Type", mediaType);
        return content;
    }
}
