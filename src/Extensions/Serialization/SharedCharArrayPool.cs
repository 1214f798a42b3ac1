using System.Buffers;
using Newtonsoft.Json;

namespace Poyo.OpenApi;

/// <summary>
/// Json.NET's reader and writer buffers rented from <see cref="ArrayPool{T}.Shared"/>: without a pool a
/// <see cref="JsonTextReader"/> allocates a 1,025-char buffer (2 KB) for every body it reads.
/// </summary>
internal sealed class SharedCharArrayPool : IArrayPool<char>
{
    public static readonly SharedCharArrayPool Instance = new();

    private SharedCharArrayPool()
    {
    }

    public char[] Rent(int minimumLength) => ArrayPool<char>.Shared.Rent(minimumLength);

    public void Return(char[]? array)
    {
        if (array is not null)
        {
            ArrayPool<char>.Shared.Return(array);
        }
    }
}
