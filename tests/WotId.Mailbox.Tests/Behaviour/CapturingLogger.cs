using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Extensions.Logging;

namespace WotId.Mailbox.Tests.Behaviour;

/// <summary>Keeps every formatted entry (all levels), with its level, event ID and structured values.</summary>
internal sealed class CapturingLogger<T> : ILogger<T>
{
    public ConcurrentQueue<(LogLevel Level, int EventId, string Text, string Values)> Entries { get; } = new();

    /// <summary>Everything that reached the log as one string: messages, values and exception texts.</summary>
    public string All => string.Join('\n', Entries.Select(e => e.Text + " | " + e.Values));

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        string values = state is IEnumerable<KeyValuePair<string, object?>> kv ? string.Join(';', kv.Select(p => $"{p.Key}={p.Value}")) : string.Empty;
        Entries.Enqueue((logLevel, eventId.Id, formatter(state, exception) + (exception is null ? string.Empty : " " + exception), values));
    }
}
