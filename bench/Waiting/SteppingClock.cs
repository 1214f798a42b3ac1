using System.Threading.Channels;
using Microsoft.Extensions.Time.Testing;

namespace Poyo.OpenApi.Benchmarks.Waiting;

/// <summary>
/// A fake clock that reports every wait the code under test starts, so the simulation advances time exactly to the
/// end of that wait and never races the poll loop (the same idea as the tests' SteppingTime).
/// </summary>
public sealed class SteppingClock() : FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero))
{
    private readonly Channel<TimeSpan> _waits = Channel.CreateUnbounded<TimeSpan>();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        if (dueTime != Timeout.InfiniteTimeSpan)
        {
            _waits.Writer.TryWrite(dueTime);
        }

        return timer;
    }

    /// <summary>Lets time pass through every wait until <paramref name="work"/> ends (a real-time guard stops a hang).</summary>
    public async Task<T> DriveAsync<T>(Task<T> work)
    {
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!work.IsCompleted)
        {
            var next = _waits.Reader.ReadAsync(guard.Token).AsTask();
            if (await Task.WhenAny(work, next).ConfigureAwait(false) == work)
            {
                break;
            }

            Advance(await next.ConfigureAwait(false));
        }

        return await work.ConfigureAwait(false);
    }
}
