using WotId.Mailbox.Types;

namespace WotId.Mailbox.Identity;

/// <summary>The outcome of publishing or changing a did:iota document on chain.</summary>
/// <param name="Did">The DID: <c>did:iota:0x…</c> on mainnet, <c>did:iota:&lt;network&gt;:0x…</c> elsewhere.</param>
/// <param name="IdentityId">The Identity object's ID (the DID's tag).</param>
/// <param name="ControllerCapId">The sender's ControllerCap, when the transaction created it (creation only).</param>
/// <param name="Digest">The transaction digest (Base58).</param>
/// <param name="PendingProposalId">
/// Null when the change took effect; otherwise the proposal that still needs other controllers' approval.
/// </param>
public sealed record IotaIdentityPublication(string Did, IotaAddress IdentityId, IotaAddress? ControllerCapId, string Digest, IotaAddress? PendingProposalId = null);
