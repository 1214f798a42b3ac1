using System.Net;
using System.Net.Http.Headers;

namespace Poyo.OpenApi;

/// <summary>
/// A remote file read through HTTP range requests (<c>Range: bytes=a-b</c>, answered by 206 and
/// <c>Content-Range</c>). Each fetch reads a small window ahead so that neighbouring box headers cost one request;
/// every body byte received counts against a read budget, and <see cref="BytesRead"/> tells the total.
/// </summary>
internal sealed class HttpRangeByteSource : IRandomAccessByteSource
{
    private readonly HttpClient _http;
    private readonly Uri _url;
    private readonly long _budget;
    private readonly int _window;
    private byte[] _cache = [];
    private long _cacheOffset;

    /// <summary>Creates a source; nothing is sent until <see cref="ProbeAsync"/>.</summary>
    /// <param name="http">The client to send through.</param>
    /// <param name="url">The file's absolute URL.</param>
    /// <param name="budget">At most this many body bytes are read in all.</param>
    /// <param name="window">Bytes fetched per request at least (read-ahead).</param>
    public HttpRangeByteSource(HttpClient http, Uri url, long budget, int window)
    {
        _http = http;
        _url = url;
        _budget = budget;
        _window = Math.Max(16, window);
    }

    /// <inheritdoc />
    public long? Length { get; private set; }

    /// <summary>Body bytes received so far, over all requests.</summary>
    public long BytesRead { get; private set; }

    /// <summary>
    /// Sends the first range request (the first window of the file) and tells what the server answered. After a
    /// successful probe the window is cached, so the parser's first reads cost nothing more.
    /// </summary>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The status, headers and whether the server honours ranges.</returns>
    /// <exception cref="HttpRequestException">The server could not be reached.</exception>
    /// <exception cref="OperationCanceledException">Cancelled or timed out.</exception>
    public async Task<RangeProbe> ProbeAsync(CancellationToken cancellationToken)
    {
        var want = (int)Math.Min(_window, _budget);
        using var response = await SendAsync(0, want, cancellationToken).ConfigureAwait(false);
        var contentType = response.Content.Headers.ContentType?.MediaType;
        if (response.StatusCode == HttpStatusCode.PartialContent)
        {
            var range = response.Content.Headers.ContentRange;
            if (range is not { HasRange: true, From: 0 } || !IsBytes(range))
            {
                return new RangeProbe(response.StatusCode, RangeSupport.Broken, range?.Length, contentType);
            }

            Length = range.Length;
            await FillCacheAsync(response, 0, want, cancellationToken).ConfigureAwait(false);
            return new RangeProbe(response.StatusCode, RangeSupport.Supported, Length, contentType);
        }

        var length = response.Content.Headers.ContentLength;
        if (response.StatusCode == HttpStatusCode.OK)
        {
            // A server may answer a range covering the whole file with the whole file; that is fine. Otherwise it
            // ignores ranges: stop here without reading the body.
            if (length is { } small && small <= want)
            {
                Length = small;
                await FillCacheAsync(response, 0, (int)small, cancellationToken).ConfigureAwait(false);
                return new RangeProbe(response.StatusCode, RangeSupport.Supported, Length, contentType);
            }

            return new RangeProbe(response.StatusCode, RangeSupport.Ignored, length, contentType);
        }

        if (response.StatusCode == HttpStatusCode.RequestedRangeNotSatisfiable)
        {
            // Only an empty file has no byte 0.
            Length = response.Content.Headers.ContentRange?.Length ?? 0;
            return new RangeProbe(response.StatusCode, RangeSupport.Supported, Length, contentType);
        }

        return new RangeProbe(response.StatusCode, RangeSupport.Unknown, length, contentType);
    }

    /// <inheritdoc />
    public async ValueTask<int> ReadAsync(long offset, Memory<byte> destination, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        var count = destination.Length;
        if (Length is { } length)
        {
            if (offset >= length)
            {
                return 0;
            }

            count = (int)Math.Min(count, length - offset);
        }

        if (count == 0)
        {
            return 0;
        }

        if (offset >= _cacheOffset && offset + count <= _cacheOffset + _cache.Length)
        {
            _cache.AsMemory((int)(offset - _cacheOffset), count).CopyTo(destination);
            return count;
        }

        long want = Math.Max(count, _window);
        if (Length is { } total)
        {
            want = Math.Min(want, total - offset);
        }

        var left = _budget - BytesRead;
        if (want > left)
        {
            want = count; // no read-ahead when the budget is nearly spent
            if (want > left)
            {
                throw new ByteSourceException(ByteSourceFailure.BudgetExceeded,
                    $"Gave up after reading {BytesRead} bytes (the read budget is {_budget} bytes) without finding the duration.");
            }
        }

        using (var response = await SendAsync(offset, (int)want, cancellationToken).ConfigureAwait(false))
        {
            switch (response.StatusCode)
            {
                case HttpStatusCode.PartialContent:
                    var range = response.Content.Headers.ContentRange;
                    if (range is not { HasRange: true } || range.From != offset || !IsBytes(range))
                    {
                        throw new ByteSourceException(ByteSourceFailure.BadResponse,
                            $"The server answered the range request for bytes {offset}-{offset + want - 1} with Content-Range '{range}'.");
                    }

                    Length ??= range.Length;
                    await FillCacheAsync(response, offset, (int)want, cancellationToken).ConfigureAwait(false);
                    break;
                case HttpStatusCode.RequestedRangeNotSatisfiable:
                    Length ??= response.Content.Headers.ContentRange?.Length;
                    return 0;
                case HttpStatusCode.OK:
                    throw new ByteSourceException(ByteSourceFailure.RangeIgnored,
                        "The server ignored an HTTP range request and started sending the whole file.");
                default:
                    throw new ByteSourceException(ByteSourceFailure.BadResponse,
                        $"The server answered the range request for bytes {offset}-{offset + want - 1} with HTTP {(int)response.StatusCode} {response.ReasonPhrase}.");
            }
        }

        var available = (int)Math.Min(count, _cacheOffset + _cache.Length - offset);
        if (available <= 0)
        {
            return 0;
        }

        _cache.AsMemory((int)(offset - _cacheOffset), available).CopyTo(destination);
        return available;
    }

    private static bool IsBytes(ContentRangeHeaderValue range) =>
        string.Equals(range.Unit, "bytes", StringComparison.OrdinalIgnoreCase);

    private async Task<HttpResponseMessage> SendAsync(long offset, int count, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, _url);
        request.Headers.Range = new RangeHeaderValue(offset, offset + count - 1);
        return await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reads at most <paramref name="count"/> body bytes into the cache, counting them; a longer body is cut.</summary>
    private async Task FillCacheAsync(HttpResponseMessage response, long offset, int count, CancellationToken cancellationToken)
    {
        var buffer = new byte[count];
        var total = 0;
        var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            while (total < count)
            {
                var read = await stream.ReadAsync(buffer.AsMemory(total), cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    break;
                }

                total += read;
                BytesRead += read;
            }
        }

        _cache = total == count ? buffer : buffer.AsSpan(0, total).ToArray();
        _cacheOffset = offset;
    }
}

/// <summary>How a server treats HTTP range requests.</summary>
internal enum RangeSupport
{
    /// <summary>Not known: the server answered with an error.</summary>
    Unknown,

    /// <summary>206 with a matching <c>Content-Range</c>.</summary>
    Supported,

    /// <summary>200 with the whole file.</summary>
    Ignored,

    /// <summary>206 with a missing or mismatched <c>Content-Range</c>.</summary>
    Broken,
}

/// <summary>What the server answered to the first range request.</summary>
/// <param name="StatusCode">The HTTP status.</param>
/// <param name="Ranges">How the server treats ranges.</param>
/// <param name="Length">The file size from <c>Content-Range</c> or <c>Content-Length</c>, when given.</param>
/// <param name="ContentType">The media type without parameters, when given.</param>
internal sealed record RangeProbe(HttpStatusCode StatusCode, RangeSupport Ranges, long? Length, string? ContentType);
