// The node's mailbox as `wotid status` shows it.
namespace WotId.Node.Api;

/// <summary>The node's own mailbox.</summary>
/// <param name="Kind"><c>embedded</c>, <c>iota</c> or <c>hosted</c>.</param>
/// <param name="Id">The mailbox object id (0x + 64 hex).</param>
/// <param name="Location">The shared database file (embedded), the RPC endpoint (iota) or the host multiaddr (hosted).</param>
public sealed record MailboxSummary(string Kind, string Id, string Location);
