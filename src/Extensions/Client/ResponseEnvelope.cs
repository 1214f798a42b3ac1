namespace Poyo.OpenApi;

/// <summary>
/// The <c>{code, data, error}</c> envelope every PoYo response shares (the spec's decision: a failure may come inside
/// HTTP 200), so one piece of code unwraps both operations' responses.
/// </summary>
/// <typeparam name="TData">The type of <c>data</c>.</typeparam>
internal interface IResponseEnvelope<out TData>
    where TData : class
{
    /// <summary>200 on success; any other value is a failure described by <see cref="Error"/>.</summary>
    int Code { get; }

    /// <summary>The payload on success.</summary>
    TData? Data { get; }

    /// <summary>The failure, when <see cref="Code"/> is not 200.</summary>
    ErrorDetail? Error { get; }

    /// <summary>Fields the spec does not name (a top-level <c>message</c>, say).</summary>
    IDictionary<string, object> AdditionalProperties { get; }
}

/// <summary>The submit response is an envelope of <see cref="SubmittedTask"/>.</summary>
public partial class SubmitTaskResponse : IResponseEnvelope<SubmittedTask>;

/// <summary>The status response is an envelope of <see cref="PoyoTask"/>.</summary>
public partial class TaskStatusResponse : IResponseEnvelope<PoyoTask>;
