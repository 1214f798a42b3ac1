using Poyo.OpenApi;

namespace Poyo.WebhookReceiver;

/// <summary>
/// Reconciles each verified callback with <c>GET /api/generate/status/{id}</c>: the only place to take status and
/// file URLs from, since the callback body is not signed. This is where downloading or notifying would go.
/// The typed <see cref="PoyoClient"/> is resolved per callback, as IHttpClientFactory expects of long-lived services.
/// </summary>
internal sealed class ReconcileWorker(ReconcileQueue queue, IServiceProvider services, ILogger<ReconcileWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var taskId in queue.ReadAllAsync(stoppingToken))
        {
            var client = services.GetRequiredService<PoyoClient>();
            if (!client.Options.HasApiKey())
            {
                Log.ReconcileSkipped(logger, taskId);
                continue;
            }

            try
            {
                var task = await client.GetTaskAsync(taskId, stoppingToken);
                Log.Reconciled(logger, taskId, task.Status.ToString(), task.OutputFiles.Count);
            }
            catch (PoyoException exception)
            {
                Log.ReconcileFailed(logger, taskId, exception.Category, exception.Message);
            }
        }
    }
}

/// <summary>Whether a PoYo API key is configured, without reading it out.</summary>
internal static class PoyoClientOptionsExtensions
{
    public static bool HasApiKey(this PoyoClientOptions options) =>
        !string.IsNullOrWhiteSpace(options.ApiKey)
        || !string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(PoyoClientOptions.ApiKeyEnvironmentVariable));
}
