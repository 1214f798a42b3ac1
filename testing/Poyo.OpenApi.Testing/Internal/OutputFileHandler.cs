using System.Text;
using WireMock;

namespace Poyo.OpenApi.Testing.Internal;

/// <summary><c>GET /files/{task_id}.mp4</c>: a small placeholder for each finished task (no key needed, like a storage URL).</summary>
internal sealed class OutputFileHandler
{
    public const string PathPrefix = "/files/";
    public const string Extension = ".mp4";

    private readonly TaskStore _tasks;
    private readonly TaskProgression _progression;

    public OutputFileHandler(TaskStore tasks, TaskProgression progression)
    {
        _tasks = tasks;
        _progression = progression;
    }

    public ResponseMessage Handle(IRequestMessage request)
    {
        var name = request.Path.Length > PathPrefix.Length ? request.Path[PathPrefix.Length..] : string.Empty;
        var taskId = name.EndsWith(Extension, StringComparison.Ordinal) ? name[..^Extension.Length] : null;
        if (taskId is null || _tasks.Find(taskId) is not { } task || task.Snapshot(_progression).Status != Internal.TaskStage.Finished)
        {
            return PoyoResponses.NotFound("No such file");
        }

        return PoyoResponses.Bytes(Encoding.ASCII.GetBytes($"poyo-sandbox placeholder video for {task.TaskId}\n"), "video/mp4");
    }
}
