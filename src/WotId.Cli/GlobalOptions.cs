using System.CommandLine;

namespace WotId.Cli;

/// <summary>
/// <c>--json</c> and <c>--home</c>: recursive options of the root command, so they work before or after the verb
/// (<c>wotid --json did show</c> and <c>wotid did show --json</c>).
/// </summary>
internal sealed class GlobalOptions
{
    /// <summary>Machine-readable output; errors become <c>{"error":{…}}</c> on standard error.</summary>
    public Option<bool> Json { get; } = new("--json") { Description = "print JSON instead of text (errors too)", Recursive = true };

    /// <summary>The state folder.</summary>
    public Option<string> Home { get; } = new("--home")
    {
        Description = "state folder (default ~/.wotid); not accepted by commands that keep no state",
        HelpName = "DIR",
        Recursive = true,
    };
}
