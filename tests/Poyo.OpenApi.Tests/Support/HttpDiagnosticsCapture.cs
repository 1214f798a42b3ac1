using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Diagnostics.Tracing;

namespace Poyo.OpenApi.Tests.Support;

/// <summary>
/// Records, as text, what .NET's networking emits while it lives: the public System.Net.* event sources at Verbose
/// with all keywords, the "System.Net.Http" activities with their tags, the HttpClient
/// DiagnosticListener events, and the System.Net.Http metrics' tags.
/// </summary>
internal sealed class HttpDiagnosticsCapture : EventListener
{
    private static readonly ConcurrentQueue<string> Pending = new();
    private readonly ActivityListener _activities;
    private readonly MeterListener _meters;
    private readonly List<IDisposable> _subscriptions = [];
    private readonly ConcurrentQueue<string> _texts = new();

    public HttpDiagnosticsCapture()
    {
        _activities = new ActivityListener
        {
            ShouldListenTo = source => source.Name.StartsWith("System.Net", StringComparison.Ordinal),
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity => _texts.Enqueue(
                $"activity {activity.OperationName} {activity.DisplayName} {string.Join(", ", activity.TagObjects.Select(tag => $"{tag.Key}={tag.Value}"))}"),
        };
        ActivitySource.AddActivityListener(_activities);

        _meters = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name.StartsWith("System.Net", StringComparison.Ordinal))
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            },
        };
        _meters.SetMeasurementEventCallback<long>((instrument, value, tags, _) => RecordMeasurement(instrument, tags));
        _meters.SetMeasurementEventCallback<double>((instrument, value, tags, _) => RecordMeasurement(instrument, tags));
        _meters.SetMeasurementEventCallback<int>((instrument, value, tags, _) => RecordMeasurement(instrument, tags));
        _meters.Start();

        _subscriptions.Add(DiagnosticListener.AllListeners.Subscribe(new Observer<DiagnosticListener>(listener =>
        {
            if (listener.Name == "HttpHandlerDiagnosticListener")
            {
                lock (_subscriptions)
                {
                    _subscriptions.Add(listener.Subscribe(new Observer<KeyValuePair<string, object?>>(pair =>
                        _texts.Enqueue($"diagnostic {pair.Key} {Describe(pair.Value)}"))));
                }
            }
        })));
    }

    /// <summary>Everything recorded so far.</summary>
    public IReadOnlyList<string> Texts
    {
        get
        {
            while (Pending.TryDequeue(out var early))
            {
                _texts.Enqueue(early);
            }

            return _texts.ToArray();
        }
    }

    public override void Dispose()
    {
        lock (_subscriptions)
        {
            foreach (var subscription in _subscriptions)
            {
                subscription.Dispose();
            }
        }

        _meters.Dispose();
        _activities.Dispose();
        base.Dispose();
    }

    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        // The runtime's "Private.InternalDiagnostics.System.Net.*" sources (support-only tracing, off unless a trace
        // session names them) print whole requests, Authorization header included, whatever library sent them:
        // they are left out and documented in docs/reliability.md. The public System.Net.* sources are recorded.
        if (eventSource.Name.StartsWith("System.Net", StringComparison.Ordinal))
        {
            EnableEvents(eventSource, EventLevel.Verbose, EventKeywords.All);
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs eventData)
    {
        // Called from the base constructor too, before this instance's fields exist.
        var text = $"event {eventData.EventSource.Name}/{eventData.EventName}: {eventData.Message} {string.Join(" | ", eventData.Payload ?? [])}";
        (_texts ?? Pending).Enqueue(text);
    }

    /// <summary>
    /// A DiagnosticListener payload's properties as text. The payload hands subscribers the live
    /// <see cref="HttpRequestMessage"/> (as any DelegatingHandler sees it); its Authorization header is the wire
    /// credential itself and <c>HttpHeaders.ToString()</c> does not redact it, so that one value is left out here
    /// (docs/reliability.md). Every other header value, the URI and the rest of the payload are recorded.
    /// </summary>
    private static string Describe(object? payload) =>
        payload is null
            ? string.Empty
            : string.Join(", ", payload.GetType().GetProperties().Select(property => $"{property.Name}={DescribeValue(property.GetValue(payload))}"));

    private static string? DescribeValue(object? value) => value switch
    {
        HttpRequestMessage request =>
            $"{request.Method} {request.RequestUri} {string.Join("; ", request.Headers.Select(h => h.Key + ": " + (h.Key == "Authorization" ? "(live credential, not text)" : string.Join(",", h.Value))))}",
        _ => value?.ToString(),
    };

    private void RecordMeasurement(Instrument instrument, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var text = new System.Text.StringBuilder($"metric {instrument.Name}");
        foreach (var tag in tags)
        {
            text.Append(' ').Append(tag.Key).Append('=').Append(tag.Value);
        }

        _texts.Enqueue(text.ToString());
    }

    private sealed class Observer<T>(Action<T> onNext) : IObserver<T>
    {
        public void OnCompleted()
        {
        }

        public void OnError(Exception error)
        {
        }

        public void OnNext(T value) => onNext(value);
    }
}
