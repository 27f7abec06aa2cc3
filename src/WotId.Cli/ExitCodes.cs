// The exit codes of every `wotid` command, in one place (README "Command line" lists the same table). Scripts can
// tell invalid input (2) from a credential that failed verification (4) and from a send that is only queued (3).
namespace WotId.Cli;

/// <summary>Process exit codes of <c>wotid</c>.</summary>
internal static class ExitCodes
{
    /// <summary>The command did what it was asked.</summary>
    public const int Ok = 0;

    /// <summary>The operation failed: network, mailbox, file system or an unexpected error.</summary>
    public const int Failed = 1;

    /// <summary>Usage error or invalid input: unknown option, bad value, missing, unreadable or malformed file.</summary>
    public const int InvalidInput = 2;

    /// <summary><c>mailbox send</c>, <c>send</c>: queued in the outbox, not delivered or deposited yet.</summary>
    public const int Queued = 3;

    /// <summary><c>vc verify</c>: the credential was read and is not valid (the reason is printed).</summary>
    public const int VerificationFailed = 4;

    /// <summary>A key file could not be opened: wrong passphrase or damaged file.</summary>
    public const int WrongPassphrase = 5;

    /// <summary>Interrupted (Ctrl+C), as shells report SIGINT.</summary>
    public const int Interrupted = 130;
}
