namespace Poyo.OpenApi;

/// <summary>Waiting on whichever comes first: the poll or a verified callback.</summary>
public partial class PoyoTaskOperation
{
    /// <summary>
    /// Waits until the task ends, by polling or by <paramref name="verifiedCallback"/>, whichever comes first (e.g. a
    /// <see cref="TaskCompletionSource{TResult}"/> your webhook endpoint completes with
    /// <see cref="PoyoWebhookVerifier.Verify(string?, string?, string)"/>). A callback's body is not signed, so its
    /// arrival only stops the polling: the result is re-read with GET status, and polling resumes if PoYo does not
    /// confirm that the task ended.
    /// </summary>
    /// <param name="verifiedCallback">Completes when a verified callback for this task arrives.</param>
    /// <param name="progress">Gets every change of status or progress once, in order.</param>
    /// <param name="options">The waiting policy; null for the client's.</param>
    /// <param name="cancellationToken">Stops at once.</param>
    /// <returns>The finished task, with at least one output file.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="verifiedCallback"/> is null.</exception>
    /// <exception cref="PoyoTaskFailedException">The task failed or was cancelled.</exception>
    /// <exception cref="PoyoWaitTimeoutException">The wait ran out of time; the task goes on.</exception>
    /// <exception cref="PoyoException">A non-transient error; <see cref="PoyoException.TaskId"/> is set.</exception>
    public virtual async Task<PoyoTask> WaitForCompletionAsync(
        Task<PoyoTask> verifiedCallback,
        IProgress<PoyoTaskProgress>? progress = null,
        PoyoWaitOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(verifiedCallback);
        using var stopPolling = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var polling = WaitForCompletionAsync(progress, options, stopPolling.Token);
        if (await Task.WhenAny(polling, verifiedCallback).ConfigureAwait(false) == polling)
        {
            return await polling.ConfigureAwait(false);
        }

        await stopPolling.CancelAsync().ConfigureAwait(false);
        try
        {
            return await polling.ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // The callback won: reconcile below.
        }

        var confirmed = await UpdateStatusAsync(cancellationToken).ConfigureAwait(false);
        return confirmed.Status.IsCompleted
            ? PoyoTaskErrors.EnsureSucceeded(confirmed)
            : await WaitForCompletionAsync(progress, options, cancellationToken).ConfigureAwait(false);
    }
}
