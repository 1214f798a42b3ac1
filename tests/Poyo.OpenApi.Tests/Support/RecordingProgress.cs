namespace Poyo.OpenApi.Tests.Support;

/// <summary>An <see cref="IProgress{T}"/> that records every report synchronously, in order (unlike <see cref="Progress{T}"/>).</summary>
internal sealed class RecordingProgress<T>(Action<T>? onReport = null) : IProgress<T>
{
    private readonly List<T> _reports = [];

    public IReadOnlyList<T> Reports
    {
        get
        {
            lock (_reports)
            {
                return [.. _reports];
            }
        }
    }

    public void Report(T value)
    {
        lock (_reports)
        {
            _reports.Add(value);
        }

        onReport?.Invoke(value);
    }
}
