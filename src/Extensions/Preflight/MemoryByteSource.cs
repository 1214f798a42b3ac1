namespace Poyo.OpenApi;

/// <summary>An <see cref="IRandomAccessByteSource"/> over bytes in memory; counts the bytes handed out.</summary>
internal sealed class MemoryByteSource : IRandomAccessByteSource
{
    private readonly ReadOnlyMemory<byte> _bytes;

    /// <summary>Creates a source over <paramref name="bytes"/>.</summary>
    /// <param name="bytes">The whole file.</param>
    public MemoryByteSource(ReadOnlyMemory<byte> bytes)
    {
        _bytes = bytes;
    }

    /// <inheritdoc />
    public long? Length => _bytes.Length;

    /// <summary>How many bytes all reads so far have returned.</summary>
    public long BytesRead { get; private set; }

    /// <inheritdoc />
    public ValueTask<int> ReadAsync(long offset, Memory<byte> destination, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (offset < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(offset), offset, "The offset cannot be negative.");
        }

        if (offset >= _bytes.Length)
        {
            return ValueTask.FromResult(0);
        }

        var count = (int)Math.Min(destination.Length, _bytes.Length - offset);
        _bytes.Slice((int)offset, count).CopyTo(destination);
        BytesRead += count;
        return ValueTask.FromResult(count);
    }
}
