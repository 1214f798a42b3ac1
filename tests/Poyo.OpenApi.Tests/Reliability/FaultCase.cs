using WireMock.ResponseBuilders;

namespace Poyo.OpenApi.Tests.Reliability;

/// <summary>Which endpoint a fault case runs against.</summary>
internal enum Endpoint
{
    Submit,
    Status,
}

/// <summary>
/// One row of the fault matrix (docs/reliability.md): what the server does, and for submit and status the outcome
/// ("result", or the <see cref="PoyoErrorCategory"/> of the <see cref="PoyoException"/>, plus "outcome unknown"
/// when a submit may have been charged) and how many requests the server received.
/// </summary>
internal sealed record FaultCase(
    string Name,
    string SubmitOutcome,
    int SubmitRequests,
    string StatusOutcome,
    int StatusRequests)
{
    /// <summary>The responses, in order (the last one repeats); empty when nothing listens.</summary>
    public required Func<Endpoint, DateTimeOffset, IResponseBuilder[]> Responses { get; init; }

    /// <summary>The client's per-attempt timeout in this case.</summary>
    public TimeSpan NetworkTimeout { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>How long the server may still be answering (a delayed response) after the client gave up.</summary>
    public TimeSpan Settle { get; init; } = TimeSpan.Zero;

    /// <summary>
    /// When set, a <see cref="Support.RawLoopbackServer"/> answers instead of WireMock: it reads the request, writes
    /// these bytes (possibly none) and resets the connection.
    /// </summary>
    public string? RawReplyThenReset { get; init; }

    /// <summary>Whether the server is stopped before the call (connection refused).</summary>
    public bool NothingListens { get; init; }

    /// <summary>The docs table row.</summary>
    public string TableRow => $"| {Name} | {SubmitOutcome} | {SubmitRequests} | {StatusOutcome} | {StatusRequests} |";

    public override string ToString() => Name;
}
