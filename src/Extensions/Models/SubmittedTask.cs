using Newtonsoft.Json;

namespace Poyo.OpenApi;

/// <summary>The task a submit created (see <c>SubmittedTask</c> in openapi/poyo.yaml).</summary>
public partial class SubmittedTask
{
    /// <summary>The status, <c>not_started</c> in practice. On the wire: <c>status</c>.</summary>
    [JsonIgnore]
    public PoyoTaskStatus Status
    {
        get => new(RawStatus);
        set => RawStatus = value.Value;
    }

    /// <summary>A one-line summary for logs.</summary>
    public override string ToString() => $"SubmittedTask {TaskId} {Status}";
}
