namespace Poyo.OpenApi;

/// <summary>
/// The caller's stream as the multipart part reads it: never disposed (the generated client disposes its request,
/// its content and the stream inside, but the stream passed to <see cref="PoyoClient.UploadFileAsync"/> is the
/// caller's), and, for a stream whose length cannot be known up front, stopped with
/// <see cref="UploadTooLargeException"/> as soon as more than <c>maxBytes</c> have been read.
/// </summary>
internal sealed class UploadContentStream(Stream inner, long? maxBytes) : Stream
{
    private long _read;

    public override bool CanRead => inner.CanRead;

    public override bool CanSeek => inner.CanSeek;

    public override bool CanWrite => false;

    public override long Length => inner.Length;

    public override long Position
    {
        get => inner.Position;
        set => inner.Position = value;
    }

    public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

    public override int Read(Span<byte> buffer) => Count(inner.Read(buffer));

    public override async Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        Count(await inner.ReadAsync(buffer.AsMemory(offset, count), cancellationToken).ConfigureAwait(false));

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        Count(await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false));

    public override long Seek(long offset, SeekOrigin origin) => inner.Seek(offset, origin);

    public override void Flush()
    {
    }

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    private int Count(int read)
    {
        _read += read;
        return maxBytes is { } limit && _read > limit ? throw new UploadTooLargeException(limit) : read;
    }
}

/// <summary>A non-seekable upload turned out larger than its limit while it was being sent.</summary>
internal sealed class UploadTooLargeException(long limit)
    : IOException($"The file is larger than {limit} bytes.")
{
    /// <summary>The limit passed.</summary>
    public long Limit { get; } = limit;
}
