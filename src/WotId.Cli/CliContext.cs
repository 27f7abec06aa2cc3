using System;
using System.IO;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace WotId.Cli;

/// <summary>What every command gets: output writers, the <c>--json</c> switch, the state folder and the loggers.</summary>
internal sealed class CliContext
{
    public CliContext(TextWriter output, TextWriter error, bool json, string home, ILoggerFactory? loggers = null)
    {
        Output = output;
        Error = error;
        Json = json;
        Home = home;
        Loggers = loggers ?? NullLoggerFactory.Instance;
    }

    /// <summary>Loggers for the layers (<c>--log-level</c>; records go to standard error).</summary>
    public ILoggerFactory Loggers { get; }

    /// <summary>Standard output.</summary>
    public TextWriter Output { get; }

    /// <summary>Standard error.</summary>
    public TextWriter Error { get; }

    /// <summary>True when <c>--json</c> was given: print machine-readable JSON instead of text.</summary>
    public bool Json { get; }

    /// <summary>State folder (<c>--home</c>, default <c>~/.wotid</c>).</summary>
    public string Home { get; }

    /// <summary>The default home folder.</summary>
    public static string DefaultHome =>
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".wotid");
}
