// The help of System.CommandLine 2.0 writes a command's usage line with its optional arguments in brackets
// (`wotid inbox [<CONTACT>] [options]`), but lists subcommands with every argument as if it were required
// (`inbox <CONTACT>` under "Commands:"), and its help builder cannot be customised. This action writes the standard
// help and then brackets the optional arguments in that list, widening the first column when a label grows past it,
// so `wotid --help` and `wotid inbox --help` agree.
using System;
using System.Collections.Generic;
using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.IO;
using System.Linq;

namespace WotId.Cli;

/// <summary>The standard help, with optional arguments shown as <c>[&lt;NAME&gt;]</c> in the list of subcommands.</summary>
internal sealed class OptionalArgumentsHelpAction(HelpAction standard) : SynchronousCommandLineAction
{
    private const string Indent = "  ";
    private const string Gap = "  ";

    public override bool ClearsParseErrors => standard.ClearsParseErrors;

    public override int Invoke(ParseResult parseResult)
    {
        InvocationConfiguration configuration = parseResult.InvocationConfiguration;
        TextWriter output = configuration.Output;
        using StringWriter help = new();
        configuration.Output = help;
        int exit;
        try
        {
            exit = standard.Invoke(parseResult);
        }
        finally
        {
            configuration.Output = output;
        }

        output.Write(Rewrite(help.ToString(), parseResult.CommandResult.Command));
        output.Flush();
        return exit;
    }

    /// <summary><paramref name="help"/> with the rows of <paramref name="command"/>'s subcommands relabelled.</summary>
    private static string Rewrite(string help, Command command)
    {
        List<(string Old, string New)> labels = [.. command.Subcommands.Where(c => !c.Hidden).Select(c => (Label(c, false), Label(c, true)))];
        if (!labels.Any(l => l.Old != l.New))
        {
            return help;
        }

        string[] lines = help.Split('\n');
        int heading = Array.FindIndex(lines, l => l.TrimEnd('\r') == "Commands:");
        if (heading < 0)
        {
            return help;
        }

        // The rows are Indent + label padded to one column + Gap + description; a wrapped description goes on below at
        // that column, and a blank line ends the section. A row whose label grows past the column widens it for all.
        int end = heading + 1;
        while (end < lines.Length && lines[end].TrimEnd('\r').Length > 0)
        {
            end++;
        }

        List<(int Line, string New, string Description)> rows = [];
        int column = -1;
        for (int i = heading + 1; i < end; i++)
        {
            string line = lines[i];
            foreach ((string old, string relabelled) in labels)
            {
                if (IsRow(line, old))
                {
                    string after = line[(Indent.Length + old.Length)..];
                    string description = after.TrimStart(' ');
                    if (description.TrimEnd('\r').Length > 0)
                    {
                        column = Indent.Length + old.Length + after.Length - description.Length;
                        rows.Add((i, relabelled, description));
                    }
                    else if (old != relabelled)
                    {
                        lines[i] = Indent + relabelled + after;
                    }

                    break;
                }
            }
        }

        if (column < 0)
        {
            return string.Join('\n', lines);
        }

        int widen = Math.Max(0, rows.Max(r => Indent.Length + r.New.Length + Gap.Length) - column);
        for (int i = heading + 1; i < end; i++)
        {
            if (widen > 0 && lines[i].Length >= column)
            {
                lines[i] = lines[i].Insert(column - Gap.Length, new string(' ', widen));
            }
        }

        foreach ((int line, string relabelled, string description) in rows)
        {
            lines[line] = (Indent + relabelled).PadRight(column + widen) + description;
        }

        return string.Join('\n', lines);
    }

    /// <summary>The first column of a subcommand's row: its name and its arguments, the optional ones bracketed if asked.</summary>
    private static string Label(Command command, bool bracketOptional)
    {
        IEnumerable<string> arguments = command.Arguments.Where(a => !a.Hidden).Select(a =>
        {
            string label = $"<{a.HelpName ?? a.Name}>";
            return bracketOptional && a.Arity.MinimumNumberOfValues == 0 && a.Arity.MaximumNumberOfValues > 0 ? $"[{label}]" : label;
        });
        return string.Join(' ', [command.Name, .. arguments]);
    }

    /// <summary>Whether <paramref name="line"/> is the row labelled <paramref name="label"/> (not merely one starting with it).</summary>
    private static bool IsRow(string line, string label)
    {
        if (!line.StartsWith(Indent + label, StringComparison.Ordinal))
        {
            return false;
        }

        string after = line[(Indent.Length + label.Length)..].TrimEnd('\r');
        return after.Length == 0 || after.StartsWith(Gap, StringComparison.Ordinal);
    }
}
