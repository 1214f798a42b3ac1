namespace Poyo.OpenApi;

/// <summary>Starting tasks as operations.</summary>
public partial class PoyoClient
{
    /// <summary>
    /// Validates and submits a <c>kling-3.0-motion-control</c> task and returns it as an operation, after PoYo accepted
    /// it (<see cref="WaitUntil.Started"/>) or once it finished (<see cref="WaitUntil.Completed"/>).
    /// </summary>
    /// <param name="waitUntil">When to return.</param>
    /// <param name="input">The model's input.</param>
    /// <param name="callbackUrl">Optional public HTTPS URL PoYo POSTs to when the task ends.</param>
    /// <param name="progress">With <see cref="WaitUntil.Completed"/>: gets every change of status or progress.</param>
    /// <param name="cancellationToken">Cancels the submit or the wait (the task itself goes on at PoYo).</param>
    /// <returns>The operation; its <see cref="PoyoTaskOperation.Id"/> is the task id to keep.</returns>
    /// <exception cref="PoyoValidationException">The input breaks the model's rules; nothing was sent.</exception>
    /// <exception cref="PoyoTaskFailedException">With <see cref="WaitUntil.Completed"/>: the task failed.</exception>
    /// <exception cref="PoyoWaitTimeoutException">With <see cref="WaitUntil.Completed"/>: the wait ran out of time.</exception>
    /// <exception cref="PoyoException">The submit or a status request failed.</exception>
    public virtual Task<PoyoTaskOperation> SubmitMotionControlAsync(
        WaitUntil waitUntil,
        KlingMotionControlInput input,
        Uri? callbackUrl = null,
        IProgress<PoyoTaskProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        return StartTaskAsync(waitUntil, new SubmitTaskRequest(input, callbackUrl), progress, cancellationToken);
    }

    /// <summary>Submits any task request and returns it as an operation (see <see cref="SubmitMotionControlAsync"/>).</summary>
    /// <param name="waitUntil">When to return.</param>
    /// <param name="request">The request; keep it to resubmit with the same idempotency key.</param>
    /// <param name="progress">With <see cref="WaitUntil.Completed"/>: gets every change of status or progress.</param>
    /// <param name="cancellationToken">Cancels the submit or the wait.</param>
    /// <returns>The operation.</returns>
    /// <exception cref="PoyoException">As for <see cref="SubmitMotionControlAsync"/>.</exception>
    public virtual async Task<PoyoTaskOperation> StartTaskAsync(
        WaitUntil waitUntil,
        SubmitTaskRequest request,
        IProgress<PoyoTaskProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        var submitted = await SubmitTaskAsync(request, cancellationToken).ConfigureAwait(false);
        var operation = new PoyoTaskOperation(submitted, this);
        if (waitUntil == WaitUntil.Completed)
        {
            await operation.WaitForCompletionAsync(progress, cancellationToken: cancellationToken).ConfigureAwait(false);
        }

        return operation;
    }
}
