using System.Collections.Concurrent;
using System.Globalization;

namespace Poyo.OpenApi.Testing.Internal;

/// <summary>The sandbox's uploaded files, by id, in memory. Thread-safe.</summary>
internal sealed class UploadStore
{
    private readonly ConcurrentDictionary<string, (long Sequence, StoredUpload Upload)> _byId = new(StringComparer.Ordinal);
    private long _sequence;

    /// <summary>Stores a file under a new id.</summary>
    public StoredUpload Add(Func<string, StoredUpload> create)
    {
        var sequence = Interlocked.Increment(ref _sequence);
        var id = string.Create(CultureInfo.InvariantCulture, $"f_{sequence:D6}");
        var upload = create(id);
        _byId[id] = (sequence, upload);
        return upload;
    }

    public StoredUpload? Find(string fileId) => _byId.TryGetValue(fileId, out var entry) ? entry.Upload : null;

    /// <summary>All uploads, oldest first.</summary>
    public IReadOnlyList<StoredUpload> All() => [.. _byId.Values.OrderBy(entry => entry.Sequence).Select(entry => entry.Upload)];
}
