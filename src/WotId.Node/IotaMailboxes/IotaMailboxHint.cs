// The hint of an IOTA mailbox in an invitation (docs/node.md "Invitations"): "PACKAGE@RPC_URL", the published
// wotid_mailbox package and the JSON-RPC endpoint the inviter uses, at most InvitationLimits.MaxMailboxHintBytes.
// A sender deposits through its own endpoint when its own IOTA mailbox uses the same package, else through this one.
using System;
using WotId.Mailbox.Types;

namespace WotId.Node.IotaMailboxes;

/// <summary>Formats and parses the IOTA mailbox hint.</summary>
internal static class IotaMailboxHint
{
    internal static string Format(IotaAddress package, Uri rpc) => package + "@" + rpc;

    /// <summary>False for anything but a package id, '@', and an absolute http(s) URL.</summary>
    internal static bool TryParse(string? hint, out IotaAddress package, out Uri? rpc)
    {
        package = default;
        rpc = null;
        int at = hint?.IndexOf('@', StringComparison.Ordinal) ?? -1;
        if (at <= 0 || !IotaAddress.TryParse(hint![..at], out package)
            || !Uri.TryCreate(hint[(at + 1)..], UriKind.Absolute, out rpc) || !Profile.Profile.IsRpcEndpoint(rpc))
        {
            rpc = null;
            return false;
        }

        return true;
    }
}
