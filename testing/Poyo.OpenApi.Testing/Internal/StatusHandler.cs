using Newtonsoft.Json.Linq;
using WireMock;

namespace Poyo.OpenApi.Testing.Internal;

/// <summary><c>GET /api/generate/status/{task_id}</c>: armed failures, the key, then the task's next stage.</summary>
internal sealed class StatusHandler
{
    public const string PathPrefix = "/api/generate/status/";

    private readonly PoyoSandboxOptions _options;
    private readonly TaskStore _tasks;
    private readonly FailureSwitchboard _failures;
    private readonly TaskProgression _progression;
    private readonly Func<string, Uri> _fileUrl;
    private int _requestCount;

    public StatusHandler(PoyoSandboxOptions options, TaskStore tasks, FailureSwitchboard failures, TaskProgression progression, Func<string, Uri> fileUrl)
    {
        _options = options;
        _tasks = tasks;
        _failures = failures;
        _progression = progression;
        _fileUrl = fileUrl;
    }

    /// <summary>Every status request received, whatever the answer.</summary>
    public int RequestCount => Volatile.Read(ref _requestCount);

    public ResponseMessage Handle(IRequestMessage request)
    {
        Interlocked.Increment(ref _requestCount);
        if (RequestGate.Refusal(request, _failures, _options.ApiKey) is { } refusal)
        {
            return refusal;
        }

        // WireMock hands over the path already URL-decoded.
        var taskId = request.Path.Length > PathPrefix.Length ? request.Path[PathPrefix.Length..] : string.Empty;
        if (taskId.Length == 0)
        {
            return PoyoResponses.Error(400, 400, "task_id is required", PoyoResponses.ValidationError);
        }

        if (_tasks.Find(taskId) is not { } task)
        {
            return PoyoResponses.NotFound($"Task not found: {taskId}");
        }

        var stage = task.Poll(_progression);
        return PoyoResponses.Data(Describe(task, stage));
    }

    private JObject Describe(TaskRecord task, TaskStage stage) => new()
    {
        ["task_id"] = task.TaskId,
        ["status"] = stage.Status,
        ["progress"] = stage.Progress,
        ["files"] = stage.IsFinished
            ? new JArray(new JObject { ["file_url"] = _fileUrl(task.TaskId).AbsoluteUri, ["file_type"] = "video" })
            : new JArray(),
        ["created_time"] = PoyoResponses.Timestamp(task.CreatedAt),
        ["error_message"] = stage.Status == TaskStage.Failed ? task.FailureMessage : null,
        ["credits_amount"] = stage.IsFinished ? _options.CreditsPerTask : 0,
    };
}
