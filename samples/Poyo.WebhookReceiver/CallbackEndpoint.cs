using Poyo.OpenApi;

namespace Poyo.WebhookReceiver;

/// <summary><c>POST /poyo/callback</c>: 401 unless the callback verifies; otherwise 200 at once, work queued.</summary>
internal static class CallbackEndpoint
{
    public static async Task<IResult> HandleAsync(
        HttpRequest request,
        PoyoWebhookVerifier verifier,
        ReconcileQueue queue,
        ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        var logger = loggers.CreateLogger(typeof(CallbackEndpoint));
        using var reader = new StreamReader(request.Body);
        var body = await reader.ReadToEndAsync(cancellationToken);

        // The signature covers task_id + "." + X-Webhook-Timestamp only, not the body.
        if (!verifier.TryVerify(name => request.Headers.TryGetValue(name, out var value) ? value.ToString() : null, body, out var task, out var failure))
        {
            Log.Rejected(logger, failure);
            return Results.Unauthorized();
        }

        // The id is authentic; status and files in the body are not. Log, queue, answer: PoYo retries until it gets a 2xx.
        // A real receiver persists (task_id, status) here first, deduplicates on it, and ignores ids it never submitted.
        Log.Accepted(logger, task.TaskId!, task.Status.ToString());
        if (!queue.TryEnqueue(task.TaskId!))
        {
            Log.QueueFull(logger, task.TaskId!);
        }

        return Results.Ok();
    }
}
