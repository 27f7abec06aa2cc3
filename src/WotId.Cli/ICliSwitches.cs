using System.Collections.Generic;

namespace WotId.Cli;

/// <summary>Implemented by commands that accept value-less switches besides <c>--json</c> and <c>--help</c>.</summary>
internal interface ICliSwitches
{
    /// <summary>Switch names without the leading dashes.</summary>
    IReadOnlyCollection<string> Switches { get; }
}
