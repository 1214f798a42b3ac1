namespace Poyo.OpenApi;

/// <summary>The account behind the API key.</summary>
public partial class PoyoClient
{
    /// <summary>Reads the account's credit balance once. Safe to repeat.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The balance: <see cref="PoyoBalance.CreditsAmount"/> and, when PoYo sends it, the account's e-mail.</returns>
    /// <exception cref="PoyoException">PoYo refused the request (e.g. <see cref="PoyoErrorCategory.Authentication"/>), answered without <c>credits_amount</c>, or could not be reached.</exception>
    public virtual async Task<PoyoBalance> GetBalanceAsync(CancellationToken cancellationToken = default)
    {
        var response = await SendAsync(
            static (rest, _, token) => rest.GetBalanceAsync(token),
            0,
            "read the balance",
            PoyoRequestKind.Read, // safe to retry
            cancellationToken).ConfigureAwait(false);

        return Unwrap(response, isSubmit: false);
    }
}
