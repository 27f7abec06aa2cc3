using System;
using System.Collections.Generic;
using System.Globalization;

namespace WotId.Cli;

/// <summary>
/// Parsed arguments: <c>--name value</c> options (repeatable), <c>--flag</c> switches and positional values.
/// A token is a switch when it is listed in the command's known switches.
/// </summary>
internal sealed class CliArguments
{
    private readonly Dictionary<string, List<string>> _options = new(StringComparer.Ordinal);
    private readonly HashSet<string> _switches = new(StringComparer.Ordinal);

    /// <summary>Positional arguments in order.</summary>
    public List<string> Positional { get; } = new();

    /// <summary>Parses <paramref name="args"/>; names in <paramref name="switchNames"/> take no value.</summary>
    public static CliArguments Parse(IReadOnlyList<string> args, ICollection<string> switchNames)
    {
        var result = new CliArguments();
        for (int i = 0; i < args.Count; i++)
        {
            string a = args[i];
            if (a.StartsWith("--", StringComparison.Ordinal) && a.Length > 2)
            {
                string name = a[2..];
                int eq = name.IndexOf('=', StringComparison.Ordinal);
                if (eq >= 0)
                {
                    result.Add(name[..eq], name[(eq + 1)..]);
                }
                else if (switchNames.Contains(name))
                {
                    result._switches.Add(name);
                }
                else if (i + 1 < args.Count)
                {
                    result.Add(name, args[++i]);
                }
                else
                {
                    throw new CliUsageException($"option --{name} needs a value");
                }
            }
            else
            {
                result.Positional.Add(a);
            }
        }

        return result;
    }

    /// <summary>True when the switch was given.</summary>
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
            : throw new CliUsageException($"--{name} must be an integer");
    }

    /// <summary>A required option.</summary>
    public string Require(string name) => Get(name) ?? throw new CliUsageException($"missing --{name}");

    /// <summary>The positional argument at <paramref name="index"/>, required.</summary>
    public string RequirePositional(int index, string what) =>
        index < Positional.Count ? Positional[index] : throw new CliUsageException($"missing {what}");

    private void Add(string name, string value)
    {
        if (!_options.TryGetValue(name, out List<string>? list))
        {
            list = new List<string>();
            _options[name] = list;
        }

        list.Add(value);
    }
}
