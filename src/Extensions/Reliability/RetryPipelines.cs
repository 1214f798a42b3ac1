using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;

namespace Poyo.OpenApi;

/// <summary>
/// The Polly retry pipelines of one client, built once: one per <see cref="PoyoRequestKind"/> that may retry.
/// Delays run on <see cref="PoyoClientOptions.TimeProvider"/>; a <c>Retry-After</c> the server sent (already
/// parsed into <see cref="PoyoException.RetryAfter"/>) replaces the computed backoff.
/// </summary>
internal sealed class RetryPipelines
{
    private readonly ResiliencePipeline _read;
    private readonly ResiliencePipeline _submit;

    public RetryPipelines(PoyoRetryOptions options, TimeProvider time, ILogger logger)
    {
        _read = Build(PoyoRequestKind.Read, options, time, logger);
        _submit = Build(PoyoRequestKind.PaidSubmit, options, time, logger);
    }

    /// <summary>The pipeline for <paramref name="kind"/>; <see cref="ResiliencePipeline.Empty"/> when it is never retried.</summary>
    public ResiliencePipeline For(PoyoRequestKind kind) => kind switch
    {
        PoyoRequestKind.Read => _read,
        PoyoRequestKind.PaidSubmit => _submit,
        _ => ResiliencePipeline.Empty,
    };

    private static ResiliencePipeline Build(PoyoRequestKind kind, PoyoRetryOptions options, TimeProvider time, ILogger logger)
    {
        if (options.MaxRetries == 0)
        {
            return ResiliencePipeline.Empty;
        }

        var maxRetryAfter = options.MaxRetryAfter;
        return new ResiliencePipelineBuilder { TimeProvider = time }
            .AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = options.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                Delay = options.BaseDelay,
                MaxDelay = options.MaxDelay,
                UseJitter = options.UseJitter,
                ShouldHandle = args => new ValueTask<bool>(
                    args.Outcome.Exception is PoyoException error && RetryRules.MayRetry(kind, error, maxRetryAfter)),
                DelayGenerator = args => new ValueTask<TimeSpan?>(
                    args.Outcome.Exception is PoyoException { RetryAfter: { } retryAfter } ? retryAfter : null),
                OnRetry = args =>
                {
                    if (args.Outcome.Exception is PoyoException error)
                    {
                        PoyoLog.Retrying(logger, kind, args.AttemptNumber + 1, args.RetryDelay.TotalMilliseconds, error.Category, error.StatusCode);
                    }

                    return default;
                },
            })
            .Build();
    }
}
