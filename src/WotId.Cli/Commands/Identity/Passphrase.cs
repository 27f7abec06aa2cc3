using System;
using System.Text;

namespace WotId.Cli.Commands.Identity;

/// <summary>The key-file passphrase: <c>WOTID_PASSPHRASE</c> for scripts, else asked at the terminal without echo.</summary>
internal static class Passphrase
{
    public const string EnvironmentVariable = "WOTID_PASSPHRASE";

    public static string Read(CliContext context, bool confirm)
    {
        string? fromEnv = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrEmpty(fromEnv))
        {
            return fromEnv;
        }

        if (Console.IsInputRedirected)
        {
            throw new CliFailure($"no terminal to ask for the passphrase: set {EnvironmentVariable}");
        }

        string first = Prompt(context, "passphrase: ");
        if (first.Length == 0)
        {
            throw new CliFailure("empty passphrase");
        }

        if (confirm && Prompt(context, "repeat passphrase: ") != first)
        {
            throw new CliFailure("passphrases differ");
        }

        return first;
    }

    private static string Prompt(CliContext context, string label)
    {
        context.Error.Write(label);
        context.Error.Flush();
        var sb = new StringBuilder();
        while (true)
        {
            ConsoleKeyInfo k = Console.ReadKey(intercept: true);
            if (k.Key == ConsoleKey.Enter)
            {
                break;
            }

            if (k.Key == ConsoleKey.Backspace)
            {
                if (sb.Length > 0)
                {
                    sb.Length--;
                }
            }
            else if (!char.IsControl(k.KeyChar))
            {
                sb.Append(k.KeyChar);
            }
        }

        context.Error.WriteLine();
        return sb.ToString();
    }
}
