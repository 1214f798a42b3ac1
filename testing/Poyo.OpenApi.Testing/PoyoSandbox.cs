using Poyo.OpenApi.Testing.Internal;
using WireMock.Matchers;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Settings;

namespace Poyo.OpenApi.Testing;

/// <summary>
/// A local, stateful fake of the PoYo API on WireMock.Net, listening on 127.0.0.1 with a free port: submit
/// (<c>POST /api/generate/submit</c>) checks the key and the body like PoYo and creates a task; status
/// (<c>GET /api/generate/status/{task_id}</c>) walks it through <c>not_started</c>, <c>running</c> and
/// <c>finished</c> (or <c>failed</c>); <c>GET /api/user/balance</c> reports the credits left; the three uploads
/// (<c>POST /api/common/upload/stream|url|base64</c>) store files it then serves under <c>/uploads/</c>, as it serves
/// finished tasks' outputs under <c>/files/</c> (both without a key, like storage URLs). Failures can be switched on
/// at any time and answer every API endpoint. Every member is thread-safe.
/// </summary>
public sealed class PoyoSandbox : IDisposable
{
    /// <summary>The <c>error_message</c> of a task made to fail when none is given (PoYo's own example).</summary>
    public const string DefaultFailureMessage = "The prompt violates our content policy";

    private readonly PoyoSandboxOptions _options;
    private readonly TaskStore _tasks;
    private readonly TaskProgression _progression;
    private readonly FailureSwitchboard _failures = new();
    private readonly SubmitHandler _submit;
    private readonly StatusHandler _status;
    private readonly UploadStore _uploads = new();
    private readonly UploadHandler _upload;
    private readonly BalanceHandler _balance;
    private readonly Uri _outputBaseUrl;
    private int _disposed;

    private PoyoSandbox(PoyoSandboxOptions options)
    {
        _options = options;
        _tasks = new TaskStore(options);
        _progression = new TaskProgression(options);
        _submit = new SubmitHandler(options, _tasks, _failures);
        Server = WireMockServer.Start(new WireMockServerSettings { Urls = ["http://127.0.0.1:0"] });
        try
        {
            Url = new Uri(Server.Url!.TrimEnd('/') + "/");
            _outputBaseUrl = WithTrailingSlash(options.OutputBaseUrl ?? new Uri(Url, OutputFileHandler.PathPrefix.TrimStart('/')));
            _status = new StatusHandler(options, _tasks, _failures, _progression, OutputFileUrl);
            _upload = new UploadHandler(options, _failures, _uploads, UploadedFileUrl);
            _balance = new BalanceHandler(options, _failures, () => CreditsRemaining);
            RegisterRoutes();
        }
        catch
        {
            Server.Dispose();
            throw;
        }
    }

    /// <summary>Starts a sandbox; dispose it to stop it.</summary>
    /// <param name="options">Key, pacing, output URL; null for the defaults.</param>
    /// <returns>The running sandbox.</returns>
    /// <exception cref="ArgumentException">An option is out of range.</exception>
    public static PoyoSandbox Start(PoyoSandboxOptions? options = null) =>
        new((options ?? new PoyoSandboxOptions()).Validated());

    /// <summary>The base URL to give a client, e.g. <c>http://127.0.0.1:40123/</c> (ends with '/').</summary>
    public Uri Url { get; }

    /// <summary>The API key this sandbox accepts.</summary>
    public string ApiKey => _options.ApiKey;

    /// <summary>The WireMock server underneath, for advanced assertions (e.g. its <c>LogEntries</c>).</summary>
    public WireMockServer Server { get; }

    /// <summary>Every submit request received, whatever the answer (rejected and failed ones included).</summary>
    public int SubmitCount => _submit.RequestCount;

    /// <summary>Every status request received, whatever the answer.</summary>
    public int StatusPollCount => _status.RequestCount;

    /// <summary>Every upload request received (stream, URL or base64), whatever the answer.</summary>
    public int UploadCount => _upload.RequestCount;

    /// <summary>The files stored by uploads so far, oldest first.</summary>
    public IReadOnlyList<SandboxUpload> Uploads => [.. _uploads.All().Select(upload => new SandboxUpload(upload, UploadedFileUrl(upload)))];

    /// <summary>
    /// The credits <c>GET /api/user/balance</c> reports now: <see cref="PoyoSandboxOptions.InitialCredits"/> less
    /// <see cref="PoyoSandboxOptions.CreditsPerTask"/> for every finished task (failed tasks are not charged).
    /// </summary>
    public double CreditsRemaining =>
        _options.InitialCredits - (_options.CreditsPerTask * _tasks.All().Count(task => task.Snapshot(_progression).Status == TaskStage.Finished));

    /// <summary>Snapshots of the tasks created so far, oldest first.</summary>
    public IReadOnlyList<SandboxTask> Tasks => [.. _tasks.All().Select(task => task.Snapshot(_progression))];

    /// <summary>A snapshot of one task, or null when the sandbox never created it.</summary>
    /// <param name="taskId">The id the submit returned.</param>
    /// <returns>The task's snapshot, or null.</returns>
    public SandboxTask? FindTask(string taskId)
    {
        ArgumentNullException.ThrowIfNull(taskId);
        return _tasks.Find(taskId)?.Snapshot(_progression);
    }

    /// <summary>The URL a finished task reports for its output file.</summary>
    /// <param name="taskId">The task's id.</param>
    /// <returns><c>&lt;output base&gt;/&lt;task_id&gt;.mp4</c>.</returns>
    public Uri OutputFileUrl(string taskId)
    {
        ArgumentNullException.ThrowIfNull(taskId);
        return new Uri(_outputBaseUrl, Uri.EscapeDataString(taskId) + OutputFileHandler.Extension);
    }

    /// <summary>
    /// Makes the next task created end as <c>failed</c> (empty <c>files</c>, this <c>error_message</c>, no credits)
    /// instead of <c>finished</c>. Calls queue up: two calls fail the next two tasks.
    /// </summary>
    /// <param name="errorMessage">The task's <c>error_message</c>.</param>
    public void FailNextTask(string errorMessage = DefaultFailureMessage)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(errorMessage);
        _tasks.ScheduleFailure(errorMessage);
    }

    /// <summary>
    /// Answers the next <paramref name="requests"/> API requests (submit, status, balance or upload) with HTTP 401 and PoYo's
    /// <c>authentication_error</c>, whatever the key. Replaces any count armed before.
    /// </summary>
    /// <param name="requests">How many requests; 0 disarms.</param>
    public void RespondUnauthorized(int requests = 1)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(requests);
        _failures.ArmUnauthorized(requests);
    }

    /// <summary>
    /// Answers the next <paramref name="submits"/> valid, authenticated submits with HTTP 200 carrying
    /// <c>{"code":402,"error":{"message":"Insufficient credits","type":"insufficient_credits_error"}}</c>; no task is created.
    /// </summary>
    /// <param name="submits">How many submits; 0 disarms.</param>
    public void RespondInsufficientCredits(int submits = 1)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(submits);
        _failures.ArmInsufficientCredits(submits);
    }

    /// <summary>Answers the next <paramref name="requests"/> API requests with HTTP 429. Replaces any count armed before.</summary>
    /// <param name="requests">How many requests; 0 disarms.</param>
    /// <param name="retryAfterSeconds">The <c>Retry-After</c> header in seconds; null sends none (PoYo does not promise it).</param>
    public void RespondRateLimited(int requests = 1, int? retryAfterSeconds = 1)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(requests);
        if (retryAfterSeconds is { } seconds)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(seconds, nameof(retryAfterSeconds));
        }

        _failures.ArmRateLimit(requests, retryAfterSeconds);
    }

    /// <summary>Answers the next <paramref name="requests"/> API requests with a server error. Replaces any count armed before.</summary>
    /// <param name="requests">How many requests; 0 disarms.</param>
    /// <param name="statusCode">The HTTP status, 500 to 599 (PoYo documents 500, 502, 503).</param>
    /// <param name="htmlBody">Whether the body is a proxy's HTML page instead of PoYo's JSON envelope.</param>
    public void RespondServerError(int requests = 1, int statusCode = 503, bool htmlBody = false)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(requests);
        if (statusCode is < 500 or > 599)
        {
            throw new ArgumentOutOfRangeException(nameof(statusCode), statusCode, "A server error is 500 to 599.");
        }

        _failures.ArmServerError(requests, statusCode, htmlBody);
    }

    /// <summary>Disarms every failure switched on, including tasks queued to fail.</summary>
    public void ClearFailures()
    {
        _failures.Clear();
        _tasks.ClearScheduledFailures();
    }

    /// <summary>A one-line description.</summary>
    public override string ToString() => $"PoyoSandbox {{ Url = {Url}, Tasks = {_tasks.All().Count} }}";

    /// <summary>Stops the server.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            Server.Stop();
            Server.Dispose();
        }
    }

    private void RegisterRoutes()
    {
        var files = new OutputFileHandler(_tasks, _progression);
        Server
            .Given(Request.Create().WithPath("/api/generate/submit").UsingPost())
            .RespondWith(Response.Create().WithCallback(_submit.Handle));
        Server
            .Given(Request.Create().WithPath(new WildcardMatcher(StatusHandler.PathPrefix + "*")).UsingGet())
            .RespondWith(Response.Create().WithCallback(_status.Handle));
        Server
            .Given(Request.Create().WithPath(new WildcardMatcher(OutputFileHandler.PathPrefix + "*")).UsingGet())
            .RespondWith(Response.Create().WithCallback(files.Handle));
        Server
            .Given(Request.Create().WithPath(BalanceHandler.Path).UsingGet())
            .RespondWith(Response.Create().WithCallback(_balance.Handle));
        Server
            .Given(Request.Create().WithPath(UploadHandler.StreamPath).UsingPost())
            .RespondWith(Response.Create().WithCallback(_upload.HandleStream));
        Server
            .Given(Request.Create().WithPath(UploadHandler.UrlPath).UsingPost())
            .RespondWith(Response.Create().WithCallback(_upload.HandleUrl));
        Server
            .Given(Request.Create().WithPath(UploadHandler.Base64Path).UsingPost())
            .RespondWith(Response.Create().WithCallback(_upload.HandleBase64));
        var uploaded = new UploadedFileHandler(_uploads);
        Server
            .Given(Request.Create().WithPath(new WildcardMatcher(UploadedFileHandler.PathPrefix + "*")).UsingGet())
            .RespondWith(Response.Create().WithCallback(uploaded.Handle));
        Server
            .Given(Request.Create().WithPath(new WildcardMatcher("/*")).UsingAnyMethod())
            .AtPriority(1000)
            .RespondWith(Response.Create().WithCallback(_ => PoyoResponses.NotFound("Not found")));
    }

    private Uri UploadedFileUrl(StoredUpload upload) =>
        new(Url, $"{UploadedFileHandler.PathPrefix.TrimStart('/')}{upload.FileId}/{Uri.EscapeDataString(upload.FileName)}");

    private static Uri WithTrailingSlash(Uri url) =>
        url.AbsoluteUri.EndsWith('/') ? url : new Uri(url.AbsoluteUri + "/");
}
