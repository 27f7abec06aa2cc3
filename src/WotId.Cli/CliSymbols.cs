using System.CommandLine;

namespace WotId.Cli;

/// <summary>
/// Shorthands for the options and arguments commands declare. Values are read as text and checked by the command
/// (<see cref="CliArguments"/>), so a bad value gives the command's own message and exit code 2.
/// </summary>
internal static class CliSymbols
{
    /// <summary><c>--name VALUE</c>, at most once.</summary>
    public static Option<string> Value(string name, string helpName, string description) =>
        new(name) { HelpName = helpName, Description = description };

    /// <summary><c>--name VALUE</c>, repeatable.</summary>
    public static Option<string[]> Values(string name, string helpName, string description) =>
        new(name) { HelpName = helpName, Description = description, Arity = ArgumentArity.OneOrMore, AllowMultipleArgumentsPerToken = false };

    /// <summary>A switch without value.</summary>
    public static Option<bool> Flag(string name, string description) => new(name) { Description = description };

    /// <summary>A positional argument.</summary>
    public static Argument<string> Positional(string name, string description, bool required = true) =>
        new(name) { Description = description, Arity = required ? ArgumentArity.ExactlyOne : ArgumentArity.ZeroOrOne };
}
