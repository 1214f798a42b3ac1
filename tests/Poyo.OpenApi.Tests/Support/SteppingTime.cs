using System.Threading.Channels;
using Microsoft.Extensions.Time.Testing;

namespace Poyo.OpenApi.Tests.Support;

/// <summary>
/// A fake clock that tells the test each time the code under test starts waiting, and for how long, so the test
/// advances time only once the wait exists (never racing its own loop) and can assert every delay exactly.
/// </summary>
internal sealed class SteppingTime : FakeTimeProvider
{
    private readonly Channel<TimeSpan> _waits = Channel.CreateUnbounded<TimeSpan>();

    public SteppingTime()
        : base(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero))
    {
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        if (dueTime != Timeout.InfiniteTimeSpan)
        {
            _waits.Writer.TryWrite(dueTime);
        }

        return timer;
    }

    /// <summary>The next wait the code started (a real-time guard fails the test instead of hanging).</summary>
    public async Task<TimeSpan> NextWaitAsync()
    {
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        return await _waits.Reader.ReadAsync(guard.Token);
    }

    /// <summary>Waits for the code to start waiting, then lets exactly that much time pass.</summary>
    public async Task<TimeSpan> CompleteNextWaitAsync()
    {
        var wait = await NextWaitAsync();
        Advance(wait);
        return wait;
    }

    /// <summary>Whether the code has started a wait not yet taken by the test.</summary>
    public bool HasPendingWait => _waits.Reader.Count > 0;
}
