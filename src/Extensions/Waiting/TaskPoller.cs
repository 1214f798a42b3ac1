namespace Poyo.OpenApi;

/// <summary>One wait: refresh, then sleep on the injected clock, until the task ends, the deadline passes or the caller cancels.</summary>
internal sealed class TaskPoller
{
    private readonly PoyoTaskOperation _operation;
    private readonly PoyoWaitOptions _options;
    private readonly TimeProvider _time;
    private readonly IProgress<PoyoTaskProgress>? _progress;
    private PoyoTaskProgress? _lastReported;

    public TaskPoller(PoyoTaskOperation operation, PoyoWaitOptions options, TimeProvider time, IProgress<PoyoTaskProgress>? progress)
    {
        _operation = operation;
        _options = options;
        _time = time;
        _progress = progress;
    }

    public async Task<PoyoTask> RunAsync(CancellationToken cancellationToken)
    {
        var started = _time.GetTimestamp();
        Report(_operation.LastTask);
        if (_operation.LastTask is { Status.IsCompleted: true } known)
        {
            return known;
        }

        var delay = _options.InitialDelay;
        var polls = 0;
        while (true)
        {
            var remaining = _options.Timeout - _time.GetElapsedTime(started);
            if (remaining <= TimeSpan.Zero)
            {
                throw new PoyoWaitTimeoutException(_operation.Id, _operation.LastTask, _time.GetElapsedTime(started));
            }

            await Task.Delay(delay < remaining ? delay : remaining, _time, cancellationToken).ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
            polls++;
            try
            {
                var task = await _operation.UpdateStatusAsync(cancellationToken).ConfigureAwait(false);
                Report(task);
                if (task.Status.IsCompleted)
                {
                    return task;
                }

                delay = Jitter(_options.IntervalAfter(polls));
            }
            catch (PoyoException error) when (RetryRules.IsTransient(error))
            {
                delay = DelayAfterTransient(error, polls, _options.Timeout - _time.GetElapsedTime(started));
            }
        }
    }

    private TimeSpan DelayAfterTransient(PoyoException error, int polls, TimeSpan remaining)
    {
        if (error.RetryAfter is not { } retryAfter)
        {
            return Jitter(_options.IntervalAfter(polls));
        }

        if (retryAfter > _options.MaxRetryAfter || retryAfter > remaining)
        {
            throw error;
        }

        return retryAfter;
    }

    private TimeSpan Jitter(TimeSpan interval)
    {
        if (_options.JitterRatio <= 0)
        {
            return interval;
        }

        var factor = 1 + (((Random.Shared.NextDouble() * 2) - 1) * _options.JitterRatio);
        return TimeSpan.FromMilliseconds(interval.TotalMilliseconds * factor);
    }

    private void Report(PoyoTask? task)
    {
        if (task is null || _progress is null)
        {
            return;
        }

        var current = new PoyoTaskProgress(_operation.Id, task.Status, task.Progress);
        if (_lastReported == current)
        {
            return;
        }

        _lastReported = current;
        _progress.Report(current);
    }
}
