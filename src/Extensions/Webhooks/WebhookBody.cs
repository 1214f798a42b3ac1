using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Poyo.OpenApi;

/// <summary>
/// A callback body: <c>{"code":200,"data":{…task…}}</c> or the bare task. The task id is read first (it is what the
/// signature covers); the task itself is read only once the signature has been checked.
/// </summary>
internal sealed class WebhookBody
{
    /// <summary>Built once: the generated client's settings never change after start-up.</summary>
    private static readonly JsonSerializer TaskSerializer = JsonSerializer.Create(PoyoRestClient.SharedJsonSerializerSettings);

    private readonly JObject _root;
    private readonly JObject _task;

    private WebhookBody(JObject root, JObject task, string taskId)
    {
        _root = root;
        _task = task;
        TaskId = taskId;
    }

    /// <summary>The claimed task id: <c>data.task_id</c>, else <c>task_id</c>. Unverified until the signature is.</summary>
    public string TaskId { get; }

    /// <summary>Parses the JSON and finds the task id; null with a reason when the body is malformed.</summary>
    public static WebhookBody? TryParse(string body, out string? problem, out Exception? error)
    {
        error = null;
        JToken root;
        try
        {
            using var reader = new JsonTextReader(new StringReader(body)) { DateParseHandling = DateParseHandling.None };
            root = JToken.ReadFrom(reader);
            while (reader.Read())
            {
                if (reader.TokenType != JsonToken.Comment)
                {
                    problem = "the body has content after its JSON value";
                    return null;
                }
            }
        }
        catch (JsonException exception)
        {
            error = exception;
            problem = "the body is not JSON";
            return null;
        }

        if (root is not JObject rootObject)
        {
            problem = "the body is not a JSON object";
            return null;
        }

        var data = rootObject["data"] as JObject;
        var taskId = StringOf(data?["task_id"]) ?? StringOf(rootObject["task_id"]);
        if (string.IsNullOrWhiteSpace(taskId))
        {
            problem = "the body has no string data.task_id or task_id";
            return null;
        }

        problem = null;
        return new WebhookBody(rootObject, data ?? rootObject, taskId);
    }

    /// <summary>Reads the task with the generated client's settings; its id is the signed one.</summary>
    /// <exception cref="JsonException">A field has the wrong type.</exception>
    public PoyoTask ReadTask()
    {
        var task = _task.ToObject<PoyoTask>(TaskSerializer) ?? new PoyoTask();
        task.TaskId = TaskId;
        task.RawStatus ??= StringOf(_root["status"]);
        return task;
    }

    private static string? StringOf(JToken? token) => token is JValue { Type: JTokenType.String, Value: string text } ? text : null;
}
