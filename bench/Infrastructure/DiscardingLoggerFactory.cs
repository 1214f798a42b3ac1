using Microsoft.Extensions.Logging;

namespace Poyo.OpenApi.Benchmarks.Infrastructure;

/// <summary>
/// Logging switched on as an app would run it (enabled from <see cref="LogLevel.Information"/>), writing nowhere, so the
/// benchmarks pay what the client's logging costs and nothing for a sink.
/// </summary>
public sealed class DiscardingLoggerFactory(LogLevel minimum) : ILoggerFactory
{
    /// <summary>Enabled from Information, the usual production level.</summary>
    public static DiscardingLoggerFactory Information { get; } = new(LogLevel.Information);

    public ILogger CreateLogger(string categoryName) => new DiscardingLogger(minimum);

    public void AddProvider(ILoggerProvider provider)
    {
    }

    public void Dispose()
    {
    }

    private sealed class DiscardingLogger(LogLevel minimum) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= minimum;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
        }
    }
}
