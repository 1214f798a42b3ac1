using System.Net.Http.Headers;
using Newtonsoft.Json;

namespace Poyo.OpenApi;

/// <summary>
/// Hooks into the generated <see cref="PoyoRestClient"/>: the caller's base URL (the spec's server URL never
/// wins), the bearer key on every request, bodies read as text so errors keep them, lenient timestamps.
/// </summary>
internal partial class PoyoRestClient
{
    private AuthenticationHeaderValue? _authorization;
    private ProductInfoHeaderValue? _userAgent;

    /// <summary>Creates the generated client for <paramref name="baseUrl"/>, sending <paramref name="apiKey"/> as a bearer token.</summary>
    public PoyoRestClient(HttpClient httpClient, Uri baseUrl, string apiKey, ProductInfoHeaderValue userAgent)
        : this(httpClient)
    {
        _baseUrl = BaseUrlNormalizer.WithTrailingSlash(baseUrl).AbsoluteUri;
        _authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        _userAgent = userAgent;
    }

    /// <summary>The absolute base URL every operation path is appended to (ends with '/').</summary>
    public string BaseUrl => _baseUrl;

    partial void Initialize() => ReadResponseAsString = true;

    partial void PrepareRequest(HttpClient client, HttpRequestMessage request, string url)
    {
        request.Headers.Authorization = _authorization;
        if (_userAgent is not null)
        {
            request.Headers.UserAgent.Add(_userAgent);
        }
    }

    static partial void UpdateJsonSerializerSettings(JsonSerializerSettings settings)
    {
        settings.DateParseHandling = DateParseHandling.None;
        settings.MissingMemberHandling = MissingMemberHandling.Ignore;
        settings.Converters.Add(new UtcDateTimeOffsetConverter());
    }
}
