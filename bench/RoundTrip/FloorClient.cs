using System.Net.Http.Headers;
using System.Text;
using Newtonsoft.Json;

namespace Poyo.OpenApi.Benchmarks.RoundTrip;

/// <summary>
/// The floor: raw <see cref="HttpClient"/> and hand-written DTOs, written the idiomatic careful way (one static
/// serializer, the body streamed into a <see cref="JsonTextReader"/>), sending the same headers as our client.
/// </summary>
public sealed class FloorClient
{
    private static readonly JsonSerializer Serializer = JsonSerializer.CreateDefault(new JsonSerializerSettings { DateParseHandling = DateParseHandling.None });
    private static readonly MediaTypeWithQualityHeaderValue Json = new("application/json");
    private static readonly MediaTypeHeaderValue JsonContentType = new("application/json") { CharSet = "utf-8" };
    private static readonly ProductInfoHeaderValue UserAgent = new("Poyo.Floor", "1.0.0");

    private readonly HttpClient _http;
    private readonly Uri _submitUrl;
    private readonly string _statusUrl;
    private readonly AuthenticationHeaderValue _authorization;

    public FloorClient(HttpClient http, Uri baseUrl, string apiKey)
    {
        _http = http;
        _submitUrl = new Uri(baseUrl, "api/generate/submit");
        _statusUrl = new Uri(baseUrl, "api/generate/status/").AbsoluteUri;
        _authorization = new AuthenticationHeaderValue("Bearer", apiKey);
    }

    public async Task<FloorTask> SubmitAsync(FloorSubmitRequest body, string idempotencyKey, CancellationToken cancellationToken = default)
    {
        using var writer = new StringWriter(new StringBuilder(512), System.Globalization.CultureInfo.InvariantCulture);
        Serializer.Serialize(writer, body);
        using var request = new HttpRequestMessage(HttpMethod.Post, _submitUrl)
        {
            Content = new StringContent(writer.ToString(), JsonContentType),
        };
        request.Headers.TryAddWithoutValidation("Idempotency-Key", idempotencyKey);
        return await SendAsync(request, cancellationToken).ConfigureAwait(false);
    }

    public async Task<FloorTask> GetStatusAsync(string taskId, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(_statusUrl + Uri.EscapeDataString(taskId)));
        return await SendAsync(request, cancellationToken).ConfigureAwait(false);
    }

    private async Task<FloorTask> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Authorization = _authorization;
        request.Headers.UserAgent.Add(UserAgent);
        request.Headers.Accept.Add(Json);
        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        using var reader = new JsonTextReader(new StreamReader(stream));
        var envelope = Serializer.Deserialize<FloorEnvelope<FloorTask>>(reader);
        return envelope is { Code: 200, Data: { } data } ? data : throw new InvalidOperationException($"PoYo said {envelope?.Code}: {envelope?.Error?.Message}");
    }
}
