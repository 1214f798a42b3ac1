using System.Net.Http.Headers;
using System.Reflection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Poyo.OpenApi;

/// <summary>
/// The PoYo AI generation API: submit a task, read its status. Safe to share across threads; create one and reuse it.
/// Every byte on the wire comes from the generated <see cref="PoyoRestClient"/> (openapi/poyo.yaml).
/// </summary>
public partial class PoyoClient : IDisposable
{
    private static readonly ProductInfoHeaderValue UserAgent = new(
        "Poyo.OpenApi",
        typeof(PoyoClient).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0");

    private readonly PoyoRestClient _rest = null!;
    private readonly PoyoErrorFactory _errors = null!;
    private readonly HttpClient? _ownedHttpClient;
    private readonly bool _hasApiKey;
    private readonly RetryPipelines _retries = null!;
    private readonly ILogger _logger = NullLogger.Instance;

    /// <summary>Creates a client with its own <see cref="HttpClient"/>, disposed with this client.</summary>
    /// <param name="options">Key, base URL, timeouts; null for the defaults (key from <c>POYO_API_KEY</c>).</param>
    public PoyoClient(PoyoClientOptions? options = null)
        : this(null, options ?? new PoyoClientOptions(), ownsHttpClient: true)
    {
    }

    /// <summary>
    /// Creates a client that sends through <paramref name="httpClient"/>, which it never disposes. Its
    /// <see cref="HttpClient.BaseAddress"/> is the base URL unless <see cref="PoyoClientOptions.BaseUrl"/> is set.
    /// </summary>
    /// <param name="httpClient">The HTTP client to send through (e.g. from <c>IHttpClientFactory</c>).</param>
    /// <param name="options">Key, base URL, clock; null for the defaults.</param>
    public PoyoClient(HttpClient httpClient, PoyoClientOptions? options = null)
        : this(httpClient ?? throw new ArgumentNullException(nameof(httpClient)), options ?? new PoyoClientOptions(), ownsHttpClient: false)
    {
    }

    /// <summary>For mocking only: a client that sends nothing. Override the members you use.</summary>
    protected PoyoClient()
    {
        Options = new PoyoClientOptions();
    }

    private PoyoClient(HttpClient? httpClient, PoyoClientOptions options, bool ownsHttpClient)
    {
        Options = options;
        var baseUrl = BaseUrlNormalizer.WithTrailingSlash(options.BaseUrl ?? httpClient?.BaseAddress ?? BaseUrlNormalizer.Default);
        TransportRules.EnsureSecure(baseUrl, options.AllowInsecureHttp);
        (options.Retry ?? throw new ArgumentException("PoyoClientOptions.Retry must not be null.", nameof(options))).Validate();
        if (ownsHttpClient)
        {
            _ownedHttpClient = new HttpClient { Timeout = options.NetworkTimeout };
            httpClient = _ownedHttpClient;
        }

        var apiKey = options.ResolveApiKey();
        _hasApiKey = apiKey is not null;
        _rest = new ReusedSerializerRestClient(httpClient!, baseUrl, apiKey ?? string.Empty, UserAgent) { MaxResponseBytes = options.MaxResponseBytes };
        _logger = options.LoggerFactory?.CreateLogger(PoyoLog.Category) ?? NullLogger.Instance;
        _retries = new RetryPipelines(options.Retry, options.TimeProvider, _logger);
        _errors = new PoyoErrorFactory(apiKey, options.TimeProvider);
        BaseUrl = baseUrl;
    }

    /// <summary>The options this client was created with.</summary>
    public PoyoClientOptions Options { get; }

    /// <summary>The absolute base URL requests go to (always ending with '/').</summary>
    public Uri BaseUrl { get; } = BaseUrlNormalizer.Default;

    /// <summary>
    /// Validates the request (unless <see cref="PoyoClientOptions.ValidateRequests"/> is off), then submits the
    /// generation task with the request's <see cref="SubmitTaskRequest.IdempotencyKey"/>. A submit is paid, so it is
    /// retried automatically only when the failure proves nothing was sent (connection refused, DNS failure), with the
    /// same key; never after a timeout, a reset, a 5xx or a 429 (see <see cref="PoyoException.IsOutcomeUnknown"/>).
    /// </summary>
    /// <param name="request">The request, e.g. <c>new SubmitTaskRequest(new KlingMotionControlInput(...))</c>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The created task; keep its <see cref="SubmittedTask.TaskId"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is null.</exception>
    /// <exception cref="PoyoValidationException">The request breaks the model's rules; nothing was sent.</exception>
    /// <exception cref="PoyoException">PoYo refused the request or could not be reached; see <see cref="PoyoException.Category"/> and <see cref="PoyoException.IsOutcomeUnknown"/>.</exception>
    public virtual async Task<SubmittedTask> SubmitTaskAsync(SubmitTaskRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (Options.ValidateRequests && !SubmitTaskRequestFastCheck.IsCertainlyValid(request))
        {
            var validation = await SubmitTaskRequestValidator.Instance.ValidateAsync(request, cancellationToken).ConfigureAwait(false);
            if (!validation.IsValid)
            {
                throw PoyoValidationException.FromResult(validation);
            }
        }

        var response = await SendAsync(
            static (rest, state, token) => rest.SubmitTaskAsync(state, state.IdempotencyKey, token),
            request,
            "submit a task",
            PoyoRequestKind.PaidSubmit,
            cancellationToken).ConfigureAwait(false);

        // A 200 without the task id may still have created (and charged) the task: the outcome is unknown.
        var task = Unwrap(response, isSubmit: true);
        return string.IsNullOrWhiteSpace(task.TaskId) ? throw PoyoErrorFactory.MissingField("data.task_id", outcomeUnknown: true) : task;
    }

    /// <summary>
    /// Reads a task's status. Safe to repeat, so network errors, timeouts, 408, 429 and 5xx are retried as
    /// <see cref="PoyoClientOptions.Retry"/> says before an error is thrown.
    /// </summary>
    /// <param name="taskId">The id returned by submit.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The task as PoYo reports it; a failed task is returned, not thrown.</returns>
    /// <exception cref="ArgumentException"><paramref name="taskId"/> is null, empty or whitespace.</exception>
    /// <exception cref="PoyoException">PoYo refused the request or could not be reached.</exception>
    public virtual async Task<PoyoTask> GetTaskAsync(string taskId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(taskId);
        var response = await SendAsync(
            static (rest, state, token) => rest.GetTaskStatusAsync(state, token),
            taskId,
            "read the task's status",
            PoyoRequestKind.Read,
            cancellationToken).ConfigureAwait(false);

        var task = Unwrap(response, isSubmit: false);
        if (string.IsNullOrWhiteSpace(task.RawStatus))
        {
            throw PoyoErrorFactory.MissingField("data.status");
        }

        task.TaskId ??= taskId;
        return task;
    }

    /// <summary>A one-line description, without the API key.</summary>
    public override string ToString() => $"PoyoClient {{ BaseUrl = {BaseUrl} }}";

    /// <summary>Disposes the <see cref="HttpClient"/> this client created, never one passed in.</summary>
    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Disposes owned resources.</summary>
    /// <param name="disposing">Whether this is called from <see cref="Dispose()"/>.</param>
    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            _ownedHttpClient?.Dispose();
        }
    }

    /// <summary>
    /// The <c>data</c> of a success envelope; no data throws. A failure code inside HTTP 200 never gets here: every
    /// attempt in <c>SendAsync</c> throws it first, so that the retry policy sees it like the HTTP status.
    /// </summary>
    private static TData Unwrap<TData>(IResponseEnvelope<TData> response, bool isSubmit)
        where TData : class =>
        response.Data ?? throw PoyoErrorFactory.MissingField("data", outcomeUnknown: isSubmit);
}
