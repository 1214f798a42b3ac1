using Newtonsoft.Json;

namespace Poyo.OpenApi;

/// <summary>A task as the status endpoint reports it (see <c>PoyoTask</c> in openapi/poyo.yaml).</summary>
public partial class PoyoTask
{
    /// <summary>The status; unknown values are kept (see <see cref="PoyoTaskStatus"/>). On the wire: <c>status</c>.</summary>
    [JsonIgnore]
    public PoyoTaskStatus Status
    {
        get => new(RawStatus);
        set => RawStatus = value.Value;
    }

    /// <summary>The output files, never null (empty until the task has finished).</summary>
    [JsonIgnore]
    public IReadOnlyList<TaskFile> OutputFiles => Files is null ? [] : [.. Files];

    /// <summary>A one-line summary for logs: id, status and progress (never any secret).</summary>
    public override string ToString() =>
        $"PoyoTask {TaskId} {Status}{(Progress is { } percent ? $" {percent}%" : "")}";
}
