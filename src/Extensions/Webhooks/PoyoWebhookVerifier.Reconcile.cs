namespace Poyo.OpenApi;

/// <summary>Verify, then re-read the task from PoYo: the callback body is not signed, the status endpoint is authoritative.</summary>
public sealed partial class PoyoWebhookVerifier
{
    /// <summary>
    /// Verifies a callback, then reads the task with <see cref="PoyoClient.GetTaskAsync"/> and returns PoYo's view
    /// of it. Take status and file URLs from the result, never from the callback body, which is not signed.
    /// </summary>
    /// <param name="client">The client to read the task's status with.</param>
    /// <param name="signatureHeader">The value of <c>X-Webhook-Signature</c>, or null when absent.</param>
    /// <param name="timestampHeader">The value of <c>X-Webhook-Timestamp</c>, exactly as received, or null when absent.</param>
    /// <param name="body">The request body as received (UTF-8 text).</param>
    /// <param name="cancellationToken">Cancels the status read.</param>
    /// <returns>The task as the status endpoint reports it now (it may differ from the body).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="client"/> or <paramref name="body"/> is null.</exception>
    /// <exception cref="PoyoWebhookException">The callback failed verification; nothing was sent to PoYo.</exception>
    /// <exception cref="PoyoException">The status read failed (e.g. <see cref="PoyoErrorCategory.NotFound"/> for a task of another account).</exception>
    public async Task<PoyoTask> VerifyAndReconcileAsync(
        PoyoClient client,
        string? signatureHeader,
        string? timestampHeader,
        string body,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        var claimed = Verify(signatureHeader, timestampHeader, body);
        return await client.GetTaskAsync(claimed.TaskId!, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Verifies a callback (headers read through <paramref name="getHeader"/>), then re-reads the task from PoYo.</summary>
    /// <param name="client">The client to read the task's status with.</param>
    /// <param name="getHeader">Returns a header's value by name, or null when absent.</param>
    /// <param name="body">The request body as received (UTF-8 text).</param>
    /// <param name="cancellationToken">Cancels the status read.</param>
    /// <returns>The task as the status endpoint reports it now (it may differ from the body).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="client"/>, <paramref name="getHeader"/> or <paramref name="body"/> is null.</exception>
    /// <exception cref="PoyoWebhookException">The callback failed verification; nothing was sent to PoYo.</exception>
    /// <exception cref="PoyoException">The status read failed.</exception>
    public Task<PoyoTask> VerifyAndReconcileAsync(
        PoyoClient client,
        Func<string, string?> getHeader,
        string body,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(getHeader);
        return VerifyAndReconcileAsync(
            client, getHeader(PoyoWebhookHeaders.Signature), getHeader(PoyoWebhookHeaders.Timestamp), body, cancellationToken);
    }
}
