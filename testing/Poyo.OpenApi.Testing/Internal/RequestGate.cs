using WireMock;
using WireMock.ResponseBuilders;

namespace Poyo.OpenApi.Testing.Internal;

/// <summary>What every API request meets first, as at PoYo: an armed failure, then the bearer key check.</summary>
internal static class RequestGate
{
    /// <summary>The refusal to send instead of handling <paramref name="request"/>, or null to go on.</summary>
    public static ResponseMessage? Refusal(IRequestMessage request, FailureSwitchboard failures, string apiKey)
    {
        if (failures.TakeBeforeAuthentication() is { } failure)
        {
            return PoyoResponses.For(failure);
        }

        return RequestHeaders.HasBearer(request, apiKey) ? null : PoyoResponses.Unauthorized();
    }
}
