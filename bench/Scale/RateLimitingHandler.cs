using System.Diagnostics;
using System.Threading.RateLimiting;

namespace Poyo.OpenApi.Benchmarks.Scale;

/// <summary>Takes one permit of a shared <see cref="RateLimiter"/> before every request; counts what it let through.</summary>
public sealed class RateLimitingHandler(RateLimiter limiter) : DelegatingHandler
{
    private long _sent;
    private long _firstTimestamp;
    private long _lastTimestamp;

    public long Sent => Interlocked.Read(ref _sent);

    /// <summary>Requests per second between the first and the last request let through.</summary>
    public double Rate
    {
        get
        {
            var span = Stopwatch.GetElapsedTime(Interlocked.Read(ref _firstTimestamp), Interlocked.Read(ref _lastTimestamp));
            return span > TimeSpan.Zero ? (Sent - 1) / span.TotalSeconds : 0;
        }
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using var lease = await limiter.AcquireAsync(1, cancellationToken).ConfigureAwait(false);
        if (!lease.IsAcquired)
        {
            throw new HttpRequestException("The shared rate limiter refused a request (queue full).");
        }

        var now = Stopwatch.GetTimestamp();
        Interlocked.CompareExchange(ref _firstTimestamp, now, 0);
        Interlocked.Exchange(ref _lastTimestamp, now);
        Interlocked.Increment(ref _sent);
        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }
}
