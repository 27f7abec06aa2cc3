using System.CommandLine;

namespace WotId.Cli;

/// <summary>
/// <c>--json</c>, <c>--home</c> and <c>--log-level</c>: recursive options of the root command, so they work before or after the verb
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

    /// <summary>Log records of the layers on standard error, from this level up (default none).</summary>
    public Option<string> LogLevel { get; } = CreateLogLevel();

    private static Option<string> CreateLogLevel()
    {
        var option = new Option<string>("--log-level")
        {
            Description = "print what the layers log on standard error, from this level up (default none)",
            HelpName = "LEVEL",
            Recursive = true,
        };
        option.AcceptOnlyFromAmong(StandardErrorLoggerProvider.LevelNames);
        return option;
    }
}
