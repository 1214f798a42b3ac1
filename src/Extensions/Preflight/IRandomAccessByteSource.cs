namespace Poyo.OpenApi;

/// <summary>
/// Bytes that can be read at any offset without reading what lies before it: a byte array in tests, a remote file
/// read through HTTP range requests in <see cref="PoyoPreflight"/>.
/// </summary>
internal interface IRandomAccessByteSource
{
    /// <summary>The total length in bytes, or null while it is not known (an HTTP source learns it on its first read).</summary>
    long? Length { get; }

    /// <summary>Reads bytes starting at <paramref name="offset"/>.</summary>
    /// <param name="offset">Where to start, from the beginning of the source.</param>
    /// <param name="destination">Where to put the bytes; at most its length is read.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>How many bytes were read: fewer than asked only at the end of the source, 0 at or past it.</returns>
    /// <exception cref="ByteSourceException">The source cannot give these bytes (budget spent, server refused).</exception>
    ValueTask<int> ReadAsync(long offset, Memory<byte> destination, CancellationToken cancellationToken);
}
