namespace Poyo.OpenApi;

/// <summary>The HTTP client underneath, for plain requests that must not go through the API hooks (file downloads).</summary>
internal partial class PoyoRestClient
{
    /// <summary>The <see cref="System.Net.Http.HttpClient"/> every operation sends through.</summary>
    public HttpClient HttpClient => _httpClient;
}
