namespace WotId.Mailbox.Hosted;

/// <summary>The operations of <c>/wotid/mailbox/1.0.0</c> (first byte of a request); one per <see cref="IMailbox"/> call.</summary>
internal enum HostedOp : byte
{
    Create = 1,
    GetMailbox = 2,
    Send = 3,
    List = 4,
    Claim = 5,
    Read = 6,
    Delete = 7,
    ReceiveAndDelete = 8,
    SetBlocked = 9,
}

/// <summary>Which operations act as a caller and so must be signed.</summary>
internal static class HostedOps
{
    internal static bool IsSigned(HostedOp op) => op is not (HostedOp.GetMailbox or HostedOp.List);

    internal static bool IsOwnerOp(HostedOp op) => op is HostedOp.Claim or HostedOp.Read or HostedOp.Delete or HostedOp.ReceiveAndDelete or HostedOp.SetBlocked;
}
