using System.Threading.Channels;

namespace Poyo.WebhookReceiver;

/// <summary>Verified task ids waiting to be re-read from PoYo; bounded so a flood cannot exhaust memory.</summary>
internal sealed class ReconcileQueue
{
    private readonly Channel<string> _channel = Channel.CreateBounded<string>(new BoundedChannelOptions(1000)
    {
        FullMode = BoundedChannelFullMode.DropWrite,
        SingleReader = true,
    });

    /// <summary>Queues a task id; false when the queue is full (PoYo's status endpoint can still be polled later).</summary>
    public bool TryEnqueue(string taskId) => _channel.Writer.TryWrite(taskId);

    /// <summary>The queued ids, in order.</summary>
    public IAsyncEnumerable<string> ReadAllAsync(CancellationToken cancellationToken) => _channel.Reader.ReadAllAsync(cancellationToken);
}
