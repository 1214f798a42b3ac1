using Poyo.OpenApi.Tests.Support;
using WireMock.RequestBuilders;
using WireMock.Server;

namespace Poyo.OpenApi.Tests.Reliability;

/// <summary>What one fault case did: the result or the exception that escaped, and what the server saw.</summary>
internal sealed record FaultRun(object? Result, Exception? Error, int Requests, IReadOnlyList<string?> IdempotencyKeys, string IdempotencyKeySent);

/// <summary>Runs one <see cref="FaultCase"/> against one endpoint on a fresh loopback WireMock and a fresh client.</summary>
internal static class FaultMatrixRunner
{
    public const string StatusPath = "/api/generate/status/" + FaultCases.TaskId;

    public static async Task<FaultRun> RunAsync(FaultCase fault, Endpoint endpoint, Action<PoyoClientOptions>? configure = null)
    {
        using var server = LoopbackWireMock.Start();
        using var raw = fault.RawReplyThenReset is { } reply ? new RawLoopbackServer(reply) : null;
        var time = new AutoAdvancingTime();
        Arrange(server, endpoint, fault.Responses(endpoint, time.GetUtcNow()));
        var baseUrl = raw?.Url ?? new Uri(server.Url!);
        if (fault.NothingListens)
        {
            server.Stop();
        }

        var options = new PoyoClientOptions
        {
            ApiKey = TestRequests.ApiKey,
            BaseUrl = baseUrl,
            TimeProvider = time,
            NetworkTimeout = fault.NetworkTimeout,
            MaxResponseBytes = FaultCases.MaxResponseBytes,
        };
        configure?.Invoke(options);
        using var client = new PoyoClient(options);
        var request = TestRequests.MinimalRequest();
        object? result = null;
        Exception? error = null;
        try
        {
            result = endpoint == Endpoint.Submit
                ? await client.SubmitTaskAsync(request).WaitAsync(TimeSpan.FromSeconds(30))
                : await client.GetTaskAsync(FaultCases.TaskId).WaitAsync(TimeSpan.FromSeconds(30));
        }
        catch (Exception escaped)
        {
            error = escaped;
        }

        if (fault.Settle > TimeSpan.Zero)
        {
            // The server is still sleeping on responses the client stopped waiting for; it logs them when done.
            await Task.Delay(fault.Settle);
        }

        var requests = server.Requests();
        var keys = requests.Select(r => r.Headers is { } headers && headers.TryGetValue("Idempotency-Key", out var values) ? values.FirstOrDefault() : null).ToList();
        return new FaultRun(result, error, raw?.Requests ?? requests.Count, keys, request.IdempotencyKey!);
    }

    private static void Arrange(WireMockServer server, Endpoint endpoint, IReadOnlyList<WireMock.ResponseBuilders.IResponseBuilder> responses)
    {
        var match = endpoint == Endpoint.Submit
            ? Request.Create().WithPath(Support.StubResponses.SubmitPath).UsingPost()
            : Request.Create().WithPath(StatusPath).UsingGet();
        for (var index = 0; index < responses.Count; index++)
        {
            var given = server.Given(match);
            var isLast = index == responses.Count - 1;
            if (responses.Count == 1)
            {
                given.RespondWith(responses[index]);
            }
            else if (index == 0)
            {
                given.InScenario("faults").WillSetStateTo("step1").RespondWith(responses[index]);
            }
            else if (isLast)
            {
                given.InScenario("faults").WhenStateIs($"step{index}").RespondWith(responses[index]);
            }
            else
            {
                given.InScenario("faults").WhenStateIs($"step{index}").WillSetStateTo($"step{index + 1}").RespondWith(responses[index]);
            }
        }
    }
}
