// The contact mailbox kinds as stored in the contacts table (mailbox_kind) and shown in MailboxSummary.Kind.
using System;
using WotId.Node.Invitations;

namespace WotId.Node.Runtime;

/// <summary>Names of mailbox kinds.</summary>
internal static class MailboxKinds
{
    internal const string Embedded = "embedded";
    internal const string Iota = "iota";
    internal const string Hosted = "hosted";

    internal static string Name(InvitationMailboxKind kind) => kind switch
    {
        InvitationMailboxKind.Embedded => Embedded,
        InvitationMailboxKind.Iota => Iota,
        InvitationMailboxKind.Hosted => Hosted,
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };
}
