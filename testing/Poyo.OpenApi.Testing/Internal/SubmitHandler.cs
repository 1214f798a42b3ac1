using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using WireMock;

namespace Poyo.OpenApi.Testing.Internal;

/// <summary><c>POST /api/generate/submit</c>: armed failures, the key, the body, 402, then a new task.</summary>
internal sealed class SubmitHandler
{
    private readonly PoyoSandboxOptions _options;
    private readonly TaskStore _tasks;
    private readonly FailureSwitchboard _failures;
    private int _requestCount;

    public SubmitHandler(PoyoSandboxOptions options, TaskStore tasks, FailureSwitchboard failures)
    {
        _options = options;
        _tasks = tasks;
        _failures = failures;
    }

    /// <summary>Every submit request received, whatever the answer.</summary>
    public int RequestCount => Volatile.Read(ref _requestCount);

    public ResponseMessage Handle(IRequestMessage request)
    {
        Interlocked.Increment(ref _requestCount);
        if (RequestGate.Refusal(request, _failures, _options.ApiKey) is { } refusal)
        {
            return refusal;
        }

        var text = RequestJson.Text(request);
        var body = RequestJson.ParseObject(text);
        if (body is null)
        {
            return PoyoResponses.InvalidRequest("Invalid request body: expected a JSON object");
        }

        if (SubmitRequestValidator.FindError(body) is { } error)
        {
            return PoyoResponses.InvalidRequest(error);
        }

        if (_failures.TakeInsufficientCredits())
        {
            return PoyoResponses.InsufficientCredits();
        }

        var task = _tasks.Create(text!, RequestHeaders.First(request, "Idempotency-Key"));
        return PoyoResponses.Data(new JObject
        {
            ["task_id"] = task.TaskId,
            ["status"] = TaskStage.NotStarted,
            ["created_time"] = PoyoResponses.Timestamp(task.CreatedAt),
        });
    }
}
