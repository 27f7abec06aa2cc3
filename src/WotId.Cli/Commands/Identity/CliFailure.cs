using System;

namespace WotId.Cli.Commands.Identity;

/// <summary>An expected failure of an identity command: printed as "error: …", exit code 1.</summary>
internal sealed class CliFailure : Exception
{
    public CliFailure(string message)
        : base(message)
    {
    }

    public CliFailure()
    {
    }

    public CliFailure(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
