// Who takes part in the demo and where their homes are: a trusted issuer, an untrusted one, and four people.
using System.IO;

namespace WotId.Cli.Commands.Demo;

/// <summary>The demo's directories and files under one temporary root.</summary>
internal sealed class DemoCast
{
    internal DemoCast(string root)
    {
        Root = root;
        MailboxDatabase = Path.Combine(root, "mailbox.db");
    }

    /// <summary>The temporary root.</summary>
    internal string Root { get; }

    /// <summary>The embedded mailbox file all four people share (one machine, separate processes).</summary>
    internal string MailboxDatabase { get; }

    /// <summary>The issuer everyone trusts.</summary>
    internal string Issuer => Path.Combine(Root, "issuer");

    /// <summary>An issuer nobody trusts (Eve's).</summary>
    internal string RogueIssuer => Path.Combine(Root, "rogue-issuer");

    /// <summary>A person's profile home.</summary>
    internal string Home(string person) => Path.Combine(Root, person);

    /// <summary>Where a person's credential file is written.</summary>
    internal string CredentialFile(string person) => Path.Combine(Root, person + ".vc.jwt");
}
