using System;

namespace WotId.Cli;

/// <summary>
/// An expected failure of a command, printed as one line (or the JSON error object) with what to do next.
/// <see cref="Code"/> is the stable, machine-readable name; <see cref="ExitCode"/> one of <see cref="ExitCodes"/>.
/// </summary>
internal sealed class CliFailure : Exception
{
    public CliFailure(string message, string? hint = null, string code = "failed", int exitCode = ExitCodes.Failed)
        : base(message)
    {
        Hint = hint;
        Code = code;
        ExitCode = exitCode;
    }

    public CliFailure()
        : this("command failed")
    {
    }

    public CliFailure(string message, Exception innerException)
        : base(message, innerException)
    {
        Code = "failed";
        ExitCode = ExitCodes.Failed;
    }

    /// <summary>What to do next, or null.</summary>
    public string? Hint { get; }

    /// <summary>Machine-readable error code (JSON <c>error.code</c>).</summary>
    public string Code { get; }

    /// <summary>The process exit code.</summary>
    public int ExitCode { get; }
}
