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
    /// <summary>Bodies up to this many chars keep their builder for the thread's next request; larger ones (base64 uploads) do not.</summary>
    private const int KeptBuilderCapacity = 8 * 1024;

    [ThreadStatic]
    private static StringBuilder? t_text;

    private JsonSerializer? _requestSerializer;

    private ByteArrayContent CreateJsonContent<TBody>(TBody body, string mediaType)
    {
        // As JsonConvert.SerializeObject builds it (JsonConvert.DefaultSettings first, then ours), once.
        var serializer = _requestSerializer ??= JsonSerializer.CreateDefault(JsonSerializerSettings);

        // Serializing is synchronous, so the thread's builder cannot be in use by another request meanwhile.
        var text = t_text ?? new StringBuilder(512);
        t_text = null;
        try
        {
            using (var writer = new JsonTextWriter(new StringWriter(text, CultureInfo.InvariantCulture)) { Formatting = serializer.Formatting, ArrayPool = SharedCharArrayPool.Instance })
            {
                serializer.Serialize(writer, body, null);
            }

            var content = new ByteArrayContent(Utf8(text));
            content.Headers.TryAddWithoutValidation("Content-Type", mediaType);
            return content;
        }
        finally
        {
            if (text.Capacity <= KeptBuilderCapacity)
            {
                t_text = text.Clear();
            }
        }
    }

    /// <summary>The text as UTF-8 without a BOM (as StringContent encodes it), without an intermediate string when it is one chunk.</summary>
    private static byte[] Utf8(StringBuilder text)
    {
        ReadOnlyMemory<char> only = default;
        var chunks = 0;
        foreach (var chunk in text.GetChunks())
        {
            only = chunk;
            if (++chunks > 1)
            {
                return Encoding.UTF8.GetBytes(text.ToString());
            }
        }

        var bytes = new byte[Encoding.UTF8.GetByteCount(only.Span)];
        Encoding.UTF8.GetBytes(only.Span, bytes);
        return bytes;
    }
}
