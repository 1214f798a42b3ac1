using System.Buffers;
using System.Net;

namespace Poyo.OpenApi;

/// <summary>
/// Wraps a response's content so that reading it into memory stops, with <see cref="ResponseTooLargeException"/>,
/// as soon as it passes a byte limit: a misbehaving server or proxy cannot make the client buffer gigabytes. Used only
/// for a body without Content-Length (chunked), whose size the HTTP framing does not bound.
/// </summary>
internal sealed class LengthLimitedContent : HttpContent
{
    private readonly HttpContent _inner;
    private readonly long _limit;
    private readonly int _statusCode;

    public LengthLimitedContent(HttpContent inner, long limit, int statusCode)
    {
        _inner = inner;
        _limit = limit;
        _statusCode = statusCode;
        // Only what reading the body needs (its media type and charset); copying every header cost more than the rest.
        Headers.ContentType = inner.Headers.ContentType;
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        var source = await _inner.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (source.ConfigureAwait(false))
        {
            var buffer = ArrayPool<byte>.Shared.Rent(8 * 1024);
            try
            {
                long total = 0;
                int read;
                while ((read = await source.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
                {
                    total += read;
                    if (total > _limit)
                    {
                        throw new ResponseTooLargeException(_statusCode, _limit);
                    }

                    await stream.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
                }
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }
    }

    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
