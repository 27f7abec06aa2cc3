// The node's mailbox as `wotid status` shows it.
namespace WotId.Node.Api;

/// <summary>The node's own mailbox.</summary>
/// <param name="Kind"><c>embedded</c> or <c>iota</c>.</param>
/// <param name="Id">The mailbox object id (0x + 64 hex).</param>
/// <param name="Location">The shared database file (embedded) or the RPC endpoint (iota).</param>
public sealed record MailboxSummary(string Kind, string Id, string Location);
