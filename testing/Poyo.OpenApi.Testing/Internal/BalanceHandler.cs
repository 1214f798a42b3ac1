using Newtonsoft.Json.Linq;
using WireMock;

namespace Poyo.OpenApi.Testing.Internal;

/// <summary>
/// <c>GET /api/user/balance</c>: armed failures, the key, then <c>{credits_amount, email}</c>. Credits fall by
/// <see cref="PoyoSandboxOptions.CreditsPerTask"/> for each finished task (PoYo charges on finish; failed tasks are free).
/// </summary>
internal sealed class BalanceHandler
{
    public const string Path = "/api/user/balance";

    private readonly PoyoSandboxOptions _options;
    private readonly FailureSwitchboard _failures;
    private readonly Func<double> _credits;

    public BalanceHandler(PoyoSandboxOptions options, FailureSwitchboard failures, Func<double> credits)
    {
        _options = options;
        _failures = failures;
        _credits = credits;
    }

    public ResponseMessage Handle(IRequestMessage request)
    {
        if (RequestGate.Refusal(request, _failures, _options.ApiKey) is { } refusal)
        {
            return refusal;
        }

        return PoyoResponses.Data(new JObject { ["credits_amount"] = _credits(), ["email"] = _options.AccountEmail });
    }
}
