using System.Collections.Concurrent;
using Microsoft.Extensions.Time.Testing;

namespace Poyo.OpenApi.Tests.Support;

/// <summary>
/// A fake clock on which every wait passes as soon as the code starts it, recording its length: backoffs and
/// Retry-After delays cost no real time, and the test can still assert each one.
/// </summary>
internal sealed class AutoAdvancingTime : FakeTimeProvider
{
    private readonly ConcurrentQueue<TimeSpan> _waits = new();

    public AutoAdvancingTime()
        : base(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero))
    {
    }

    /// <summary>Every wait started so far, in order.</summary>
    public IReadOnlyList<TimeSpan> Waits => _waits.ToArray();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        if (dueTime > TimeSpan.Zero && dueTime != Timeout.InfiniteTimeSpan)
        {
            _waits.Enqueue(dueTime);
            ThreadPool.QueueUserWorkItem(_ => Advance(dueTime));
        }

        return timer;
    }
}
