using System;

namespace WotId.Cli;

/// <summary>Wrong arguments or invalid input: printed as one line with a hint, exit code 2.</summary>
internal sealed class CliUsageException : Exception
{
    public CliUsageException(string message, string? hint)
        : base(message)
    {
        Hint = hint;
    }

    public CliUsageException(string message)
        : base(message)
    {
    }

    public CliUsageException()
    {
    }

    public CliUsageException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>What to do next, or null.</summary>
    public string? Hint { get; }
}
