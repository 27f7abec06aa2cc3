// A demo step that did not happen as described; the demo reports it and exits 1.
using System;

namespace WotId.Cli.Commands.Demo;

/// <summary>A failed demo step.</summary>
internal sealed class DemoStepException : Exception
{
    public DemoStepException(string message)
        : base(message)
    {
    }

    public DemoStepException()
    {
    }

    public DemoStepException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
