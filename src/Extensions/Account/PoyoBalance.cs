namespace Poyo.OpenApi;

/// <summary>The balance response is an envelope of <see cref="PoyoBalance"/>, unwrapped like the task responses.</summary>
public partial class BalanceResponse : IResponseEnvelope<PoyoBalance>;

/// <summary>The account's balance (see <c>PoyoBalance</c> in openapi/poyo.yaml).</summary>
public partial class PoyoBalance
{
    /// <summary>A one-line summary for logs: the credits only (the e-mail address is left out).</summary>
    public override string ToString() =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"PoyoBalance {CreditsAmount} credits");
}
