using System;
using System.Collections.Generic;
using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using System.Linq;

namespace WotId.Cli;

/// <summary>
/// The values a command was given, taken from a System.CommandLine parse result: options by name (without dashes,
/// repeatable), switches and positional values in order. Unknown options never get here: the parser rejects them.
/// </summary>
internal sealed class CliArguments
{
    private readonly Dictionary<string, List<string>> _options = new(StringComparer.Ordinal);
    private readonly HashSet<string> _switches = new(StringComparer.Ordinal);

    /// <summary>Positional arguments in order.</summary>
    public List<string> Positional { get; } = new();

    /// <summary>Collects the values of <paramref name="symbols"/> from <paramref name="result"/>.</summary>
    public static CliArguments From(ParseResult result, IEnumerable<Symbol> symbols)
    {
        var arguments = new CliArguments();
        foreach (Symbol symbol in symbols)
        {
            switch (symbol)
            {
                case Option<bool> flag when result.GetValue(flag):
                    arguments._switches.Add(flag.Name.TrimStart('-'));
                    break;
                case Option<bool>:
                    break;
                case Option option when result.GetResult(option) is { Implicit: false } r:
                    arguments.Add(option.Name.TrimStart('-'), r.Tokens.Select(t => t.Value));
                    break;
                case Argument argument when result.GetResult(argument) is ArgumentResult r:
                    arguments.Positional.AddRange(r.Tokens.Select(t => t.Value));
                    break;
            }
        }

        return arguments;
    }

    /// <summary>True when the switch or option was given.</summary>
    public bool Has(string name) => _switches.Contains(name) || _options.ContainsKey(name);

    /// <summary>The last value of an option, or null.</summary>
    public string? Get(string name) => _options.TryGetValue(name, out List<string>? v) ? v[^1] : null;

    /// <summary>Every value of a repeatable option.</summary>
    public IReadOnlyList<string> GetAll(string name) =>
        _options.TryGetValue(name, out List<string>? v) ? v : Array.Empty<string>();

    /// <summary>An integer option, or <paramref name="fallback"/> when absent.</summary>
    public long GetInt64(string name, long fallback)
    {
        string? v = Get(name);
        if (v is null)
        {
            return fallback;
        }

        return long.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out long n)
            ? n
            : throw new CliUsageException($"--{name} must be an integer, not '{v}'");
    }

    /// <summary>A required option.</summary>
    public string Require(string name) => Get(name) ?? throw new CliUsageException($"missing --{name}", $"see --help");

    /// <summary>The positional argument at <paramref name="index"/>, required.</summary>
    public string RequirePositional(int index, string what) =>
        index < Positional.Count ? Positional[index] : throw new CliUsageException($"missing {what}", "see --help");

    private void Add(string name, IEnumerable<string> values)
    {
        if (!_options.TryGetValue(name, out List<string>? list))
        {
            list = new List<string>();
            _options[name] = list;
        }

        list.AddRange(values);
    }
}
