// The one error shape of `wotid`: a single line on standard error, `error: MESSAGE; HINT` as text, or with --json
// {"error":{"code":"...","message":"...","hint":"..."}}. Exceptions never reach the runtime's handler, so no stack
// trace is ever printed; messages are our own or the BCL's (file names, never key material).
using System;
using System.IO;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using System.Threading.Tasks;

namespace WotId.Cli;

/// <summary>An error to print: code, message, hint and exit code.</summary>
internal sealed record CliError(string Code, string Message, string? Hint, int ExitCode)
{
    /// <summary>Maps any exception a command lets escape to an error (never rethrows).</summary>
    public static CliError From(Exception exception) => exception switch
    {
        CliFailure f => new(f.Code, f.Message, f.Hint, f.ExitCode),
        CliUsageException u => new("usage", u.Message, u.Hint, ExitCodes.InvalidInput),
        WotId.Node.Api.NodeException n => NodeFailures.From(n),
        WotId.Node.Profile.ProfileException p => NodeFailures.From(p),
        FileNotFoundException or DirectoryNotFoundException =>
            new("not-found", exception.Message, "check the path", ExitCodes.InvalidInput),
        UnauthorizedAccessException =>
            new("unreadable", exception.Message, "check the file's permissions", ExitCodes.InvalidInput),
        FormatException or ArgumentException or CryptographicException =>
            new("invalid-input", exception.Message, null, ExitCodes.InvalidInput),
        TimeoutException or OperationCanceledException =>
            new("timeout", "timed out waiting for the other side", "check that the address is reachable and the peer is running", ExitCodes.Failed),
        IOException =>
            new("io", exception.Message, null, ExitCodes.Failed),
        _ => new("internal", $"unexpected {exception.GetType().Name}: {exception.Message}", "please report this", ExitCodes.Failed),
    };

    /// <summary>Prints the error on <paramref name="error"/> as one line and returns its exit code.</summary>
    public async Task<int> WriteAsync(TextWriter error, bool json)
    {
        string message = OneLine(Message);
        string line;
        if (json)
        {
            var body = new JsonObject { ["code"] = Code, ["message"] = message };
            if (Hint is not null)
            {
                body["hint"] = Hint;
            }

            line = new JsonObject { ["error"] = body }.ToJsonString();
        }
        else
        {
            line = Hint is null ? "error: " + message : $"error: {message}; {Hint}";
        }

        await error.WriteLineAsync(line).ConfigureAwait(false);
        await error.FlushAsync().ConfigureAwait(false);
        return ExitCode;
    }

    private static string OneLine(string text) => text.ReplaceLineEndings(" ").Trim().TrimEnd('.');
}
