using System.Net.Http.Headers;
using Newtonsoft.Json;

namespace Poyo.OpenApi;

/// <summary>
/// The generated client, deserializing every response body with one serializer built once from its settings. The
/// generated path calls <c>JsonConvert.DeserializeObject(text, settings)</c>, which builds a new serializer per response:
/// measured at 2–3 µs per status call more than a reused one (about half of what the client costs over raw HttpClient
/// without a socket). Everything else is as generated: the body is read as text first and kept, so error statuses and
/// unreadable bodies produce the same <see cref="PoyoRestException"/> with the same text; trailing content is rejected.
/// </summary>
internal sealed class ReusedSerializerRestClient : PoyoRestClient
{
    private readonly JsonSerializer _serializer;

    public ReusedSerializerRestClient(HttpClient httpClient, Uri baseUrl, string apiKey, ProductInfoHeaderValue userAgent)
        : base(httpClient, baseUrl, apiKey, userAgent)
    {
        // As JsonConvert.DeserializeObject builds it (default settings applied first), once.
        _serializer = JsonSerializer.CreateDefault(JsonSerializerSettings);
        _serializer.CheckAdditionalContent = true;
    }

    protected override async Task<ObjectResponseResult<T>> ReadObjectResponseAsync<T>(
        HttpResponseMessage response,
        IReadOnlyDictionary<string, IEnumerable<string>> headers,
        CancellationToken cancellationToken)
    {
        if (response?.Content is not { } content)
        {
            return await base.ReadObjectResponseAsync<T>(response!, headers, cancellationToken).ConfigureAwait(false);
        }

        var text = await content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var reader = new JsonTextReader(new StringReader(text)) { ArrayPool = SharedCharArrayPool.Instance };
            return new ObjectResponseResult<T>(_serializer.Deserialize<T>(reader)!, text);
        }
        catch (JsonException exception)
        {
            throw new PoyoRestException("Could not deserialize the response body string as " + typeof(T).FullName + ".", (int)response.StatusCode, text, headers, exception);
        }
    }
}
