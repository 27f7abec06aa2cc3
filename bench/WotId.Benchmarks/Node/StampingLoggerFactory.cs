// A logger factory that keeps the Stopwatch timestamp and text of chosen log events of the node (by event id), so a
// measurement can time the steps between them without any hook in the product code.
using System;
using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace WotId.Benchmarks.Node;

/// <summary>Records (event id, timestamp, text) of the log events whose ids it was given (every event when given none).</summary>
public sealed class StampingLoggerFactory : ILoggerFactory
{
    private readonly int[] _eventIds;

    private readonly string _prefix;

    public StampingLoggerFactory(params int[] eventIds)
        : this("", eventIds)
    {
    }

    /// <summary>Stamps whose text starts with <paramref name="prefix"/> (to tell two nodes apart in one list).</summary>
    public StampingLoggerFactory(string prefix, int[] eventIds)
    {
        _prefix = prefix;
        _eventIds = eventIds;
    }

    public ConcurrentQueue<(int EventId, long Timestamp, string Text)> Stamps { get; } = new();

    public ILogger CreateLogger(string categoryName) => new StampingLogger(this);

    public void AddProvider(ILoggerProvider provider) => throw new NotSupportedException("this factory only records stamps");

    public void Dispose()
    {
    }

    private sealed class StampingLogger(StampingLoggerFactory owner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (owner._eventIds.Length == 0 || Array.IndexOf(owner._eventIds, eventId.Id) >= 0)
            {
                owner.Stamps.Enqueue((eventId.Id, Stopwatch.GetTimestamp(), owner._prefix + formatter(state, exception)));
            }
        }
    }
}
