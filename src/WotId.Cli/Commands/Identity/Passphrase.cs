using System;
using System.Text;

namespace WotId.Cli.Commands.Identity;

/// <summary>The key-file passphrase: <c>WOTID_PASSPHRASE</c> for scripts, else asked at the terminal without echo.</summary>
internal static class Passphrase
{
    public const string EnvironmentVariable = "WOTID_PASSPHRASE";

    /// <summary>Shortest passphrase accepted for a new key file, in characters.</summary>
    public const int MinimumLength = 8;

    /// <summary>Reads the passphrase; <paramref name="confirm"/> (a new key file) asks twice and enforces <see cref="MinimumLength"/>.</summary>
    public static string Read(CliContext context, bool confirm)
    {
        string? fromEnv = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrEmpty(fromEnv))
        {
            return confirm ? RequireLength(fromEnv) : fromEnv;
        }

        if (Console.IsInputRedirected)
        {
            throw new CliFailure("no terminal to ask for the passphrase", $"set {EnvironmentVariable}", "no-passphrase", ExitCodes.InvalidInput);
        }

        string first = Prompt(context, "passphrase: ");
        if (first.Length == 0)
        {
            throw new CliUsageException("empty passphrase", "type the passphrase, then Enter");
        }

        if (confirm && RequireLength(first) != Prompt(context, "repeat passphrase: "))
        {
            throw new CliUsageException("passphrases differ", "type the same passphrase twice");
        }

        return first;
    }

    private static string RequireLength(string passphrase) =>
        passphrase.Length >= MinimumLength
            ? passphrase
            : throw new CliUsageException($"passphrase too short: at least {MinimumLength} characters", "choose a longer passphrase");

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
