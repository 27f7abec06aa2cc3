// Maps chain failures to MailboxError: effects.status.error strings of the form
// "MoveAbort(MoveLocation { module: ModuleId { address: <pkg>, name: Identifier(\"mailbox\") }, ... }, <code>) in command <i>"
// (iota-types execution_status.rs Display), and JSON-RPC -32002 input errors raised before execution.
using System;
using System.Globalization;
using System.Text.RegularExpressions;

namespace WotId.Mailbox.Chain;

/// <summary>Translates execution errors into <see cref="MailboxError"/>.</summary>
internal static partial class AbortMapper
{
    public static MailboxException FromExecutionError(string? error)
    {
        string text = error ?? "(no error text)";
        Match m = MoveAbort().Match(text);
        if (m.Success && ulong.TryParse(m.Groups["code"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out ulong code))
        {
            string module = m.Groups["module"].Value;
            if (module == "mailbox" && Enum.IsDefined(typeof(MailboxError), (int)Math.Min(code, 99)) && code < 100)
            {
                return new MailboxException((MailboxError)(int)code, "Move abort " + code + " in mailbox");
            }

            if (module == "transfer" && code == 3)
            {
                return new MailboxException(MailboxError.UnableToReceive, "iota::transfer abort 3 (object not owned by the mailbox at that version)");
            }

            return new MailboxException(MailboxError.TransactionFailed, $"Move abort {code} in module {module}");
        }

        if (text.Contains("InsufficientGas", StringComparison.Ordinal) || text.Contains("InsufficientCoinBalance", StringComparison.Ordinal))
        {
            return new MailboxException(MailboxError.InsufficientGas, "not enough gas");
        }

        return new MailboxException(MailboxError.TransactionFailed, text.Length <= 300 ? text : text[..300]);
    }

    /// <summary>JSON-RPC rejections before execution (-32002 and similar).</summary>
    public static MailboxException FromRpcRejection(Rpc.IotaRpcException ex)
    {
        string msg = ex.Message;
        if (msg.Contains("not owned by", StringComparison.OrdinalIgnoreCase) || msg.Contains("IncorrectUserSignature", StringComparison.Ordinal))
        {
            return new MailboxException(MailboxError.ObjectNotOwnedByCaller, "an owned input belongs to another address", ex);
        }

        if (msg.Contains("ObjectVersionUnavailableForConsumption", StringComparison.Ordinal) || msg.Contains("InvalidObjectDigest", StringComparison.Ordinal)
            || msg.Contains("ObjectNotFound", StringComparison.Ordinal) || msg.Contains("deleted", StringComparison.OrdinalIgnoreCase))
        {
            return new MailboxException(MailboxError.UnableToReceive, "an input object is stale, deleted or already received", ex);
        }

        return new MailboxException(ex.Error == Rpc.IotaRpcError.MalformedResponse ? MailboxError.MalformedResponse : MailboxError.NodeError, msg, ex);
    }

    [GeneratedRegex(@"MoveAbort\(.*?name: Identifier\(""(?<module>\w+)""\).*?\}, (?<code>\d+)\)", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex MoveAbort();
}
