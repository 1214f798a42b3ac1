using Microsoft.Extensions.Logging;

namespace Poyo.OpenApi;

/// <summary>Settings of a <see cref="PoyoClient"/>. Every property has a documented default.</summary>
public class PoyoClientOptions
{
    /// <summary>The environment variable read when <see cref="ApiKey"/> is not set.</summary>
    public const string ApiKeyEnvironmentVariable = "POYO_API_KEY";

    /// <summary>
    /// The environment variable <c>services.AddPoyoClient()</c> and the <c>poyo</c> CLI read when no base URL is
    /// configured. A <see cref="PoyoClientOptions"/> created by hand does not read it.
    /// </summary>
    public const string BaseUrlEnvironmentVariable = "POYO_BASE_URL";

    /// <summary>
    /// The PoYo API key, sent as <c>Authorization: Bearer …</c>. Default: the <c>POYO_API_KEY</c> environment
    /// variable. Never printed: <see cref="ToString"/>, exceptions and logs leave it out.
    /// </summary>
    public string? ApiKey { get; set; }

    /// <summary>
    /// The API's base URL, path prefix included (<c>https://proxy.example/poyo/</c>, with or without the trailing
    /// slash). Default: the <see cref="HttpClient.BaseAddress"/> of a client you pass in, else <c>https://api.poyo.ai</c>.
    /// </summary>
    public Uri? BaseUrl { get; set; }

    /// <summary>
    /// The timeout of each HTTP attempt when this library creates the <see cref="HttpClient"/>. Default: 100 seconds.
    /// An <see cref="HttpClient"/> you pass in keeps its own timeout (<see cref="HttpClient.Timeout"/>, 100 s by default).
    /// </summary>
    public TimeSpan NetworkTimeout { get; set; } = TimeSpan.FromSeconds(100);

    /// <summary>
    /// Whether every submit is validated locally first (<see cref="SubmitTaskRequestValidator"/>), so that an invalid
    /// request fails with every problem listed and nothing sent. Default: <see langword="true"/>. Turn it off only to
    /// send a request the server may accept although this client's rules do not.
    /// </summary>
    public bool ValidateRequests { get; set; } = true;

    /// <summary>How operations wait for a task to end (see <see cref="PoyoWaitOptions"/> for the defaults).</summary>
    public PoyoWaitOptions Waiting { get; set; } = new();

    /// <summary>
    /// How reads (task status) are retried on network errors, timeouts, 408, 429 and 5xx. A submit is retried only
    /// when the failure proves nothing was sent (connection refused, DNS). Default: 3 retries, 1 s base delay
    /// doubling with jitter up to 30 s, Retry-After honoured up to 30 s.
    /// </summary>
    public PoyoRetryOptions Retry { get; set; } = new();

    /// <summary>
    /// Where the client logs requests, answers, retries and failures (category <c>Poyo.OpenApi.PoyoClient</c>).
    /// Logs carry the operation, task id, HTTP status and timings, never headers, bodies or the API key.
    /// Default: <see langword="null"/>, no logging.
    /// </summary>
    public ILoggerFactory? LoggerFactory { get; set; }

    /// <summary>
    /// Whether an <c>http://</c> base URL to a host that is not loopback is accepted. Default: <see langword="false"/>:
    /// the client refuses to send the API key unencrypted over a network (construction throws
    /// <see cref="ArgumentException"/>). Turn it on only for a trusted proxy on your own network.
    /// </summary>
    public bool AllowInsecureHttp { get; set; }

    /// <summary>
    /// The most bytes of one response body read into memory; a larger body fails with a
    /// <see cref="PoyoException"/> of category <see cref="PoyoErrorCategory.UnexpectedResponse"/>.
    /// Default: 4 MiB (PoYo's answers are a few kilobytes). 0 or less turns the cap off.
    /// </summary>
    public long MaxResponseBytes { get; set; } = DefaultMaxResponseBytes;

    /// <summary>The default of <see cref="MaxResponseBytes"/>: 4 MiB.</summary>
    public const long DefaultMaxResponseBytes = 4 * 1024 * 1024;

    /// <summary>The clock used for waits, retry delays and timestamps. Default: <see cref="TimeProvider.System"/>; tests pass a fake one.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>A one-line description with the API key redacted.</summary>
    public override string ToString() =>
        $"PoyoClientOptions {{ BaseUrl = {BaseUrl?.ToString() ?? "(default)"}, ApiKey = {(string.IsNullOrEmpty(ApiKey) ? "(not set)" : "[redacted]")} }}";

    /// <summary>The key to use: <see cref="ApiKey"/>, else the environment variable; null when neither is set.</summary>
    internal string? ResolveApiKey()
    {
        var key = string.IsNullOrWhiteSpace(ApiKey) ? Environment.GetEnvironmentVariable(ApiKeyEnvironmentVariable) : ApiKey;
        return string.IsNullOrWhiteSpace(key) ? null : key.Trim();
    }
}
