// Log records of every layer (ILogger, Microsoft.Extensions.Logging) on standard error, one line each, written
// synchronously so nothing is lost when the command ends: `log: LEVEL CATEGORY: MESSAGE`, or with --json
// {"log":{"level":"...","category":"...","message":"..."}}. The layers log no key material or payloads (each has a test).
using System;
using System.IO;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;

namespace WotId.Cli;

/// <summary>Writes log records at or above a level to the command's standard error.</summary>
internal sealed class StandardErrorLoggerProvider : ILoggerProvider
{
    private readonly TextWriter _error;
    private readonly bool _json;
    private readonly LogLevel _minimum;

    public StandardErrorLoggerProvider(TextWriter error, bool json, LogLevel minimum)
    {
        _error = error;
        _json = json;
        _minimum = minimum;
    }

    /// <summary>The <c>--log-level</c> names, quietest first.</summary>
    public static string[] LevelNames { get; } = ["none", "error", "warning", "information", "debug", "trace"];

    /// <summary>Maps a <c>--log-level</c> name to a level (<see cref="LogLevel.None"/> for "none").</summary>
    public static LogLevel Parse(string? name) => name switch
    {
        null or "none" => LogLevel.None,
        "error" => LogLevel.Error,
        "warning" => LogLevel.Warning,
        "information" => LogLevel.Information,
        "debug" => LogLevel.Debug,
        "trace" => LogLevel.Trace,
        _ => throw new CliUsageException($"unknown log level '{name}'; use one of {string.Join(", ", LevelNames)}"),
    };

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private void Write(LogLevel level, string category, string message, Exception? exception)
    {
        string text = exception is null ? message : $"{message} ({exception.GetType().Name}: {exception.Message})";
        text = text.Replace('\r', ' ').Replace('\n', ' ');
        string line = _json
            ? new JsonObject { ["log"] = new JsonObject { ["level"] = level.ToString(), ["category"] = category, ["message"] = text } }.ToJsonString()
            : $"log: {level} {category}: {text}";
        lock (_error)
        {
            _error.WriteLine(line);
        }
    }

    private sealed class Logger(StandardErrorLoggerProvider provider, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None && logLevel >= provider._minimum;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                provider.Write(logLevel, category, formatter(state, exception), exception);
            }
        }
    }
}
