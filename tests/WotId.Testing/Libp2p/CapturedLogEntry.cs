// One entry kept by CapturingLoggerProvider.
using System.Collections.Generic;
using Microsoft.Extensions.Logging;

namespace WotId.Testing.Libp2p;

/// <summary>A captured log entry: the formatted message, the exception text and every structured value.</summary>
public sealed record CapturedLogEntry(string Category, LogLevel Level, EventId EventId, string Message, string? Exception, IReadOnlyList<string> Values)
{
    /// <summary>All text of the entry, for searches.</summary>
    public string AllText => Message + "\n" + Exception + "\n" + string.Join("\n", Values);
}
