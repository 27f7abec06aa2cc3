// One row of the contacts table (public data: names, DIDs, peer ids, public identity keys).
using System;
using System.Collections.Generic;

namespace WotId.Node.Storage;

/// <summary>A contact.</summary>
/// <param name="Id">Row id.</param>
/// <param name="Name">Display name, unique in the profile.</param>
/// <param name="Did">The contact's did:key.</param>
/// <param name="PeerId">The contact's libp2p peer id.</param>
/// <param name="Addresses">Known multiaddrs.</param>
/// <param name="MailboxId">The contact's mailbox object id, if known.</param>
/// <param name="IdentityKey">The accepted Signal identity key (33 bytes), if known.</param>
/// <param name="PendingIdentityKey">A changed identity key awaiting acceptance.</param>
/// <param name="Verification">Verification state.</param>
/// <param name="AddedAt">When the contact was added.</param>
/// <param name="UpdatedAt">Last change.</param>
/// <param name="MailboxKind">The kind of the contact's mailbox (from its invitation), if known.</param>
/// <param name="MailboxHint">Where to reach that mailbox (for the embedded mailbox: its database path), if known.</param>
/// <param name="LastVerifiedAt">When a handshake last verified the contact's credential, if ever.</param>
/// <param name="RefusedReason">
/// The handshake reason token (e.g. <c>revoked</c>) when this node's own check of the contact's credential failed at its
/// last handshake; null when it never did or a later handshake verified the contact.
/// </param>
/// <param name="RefusedAt">When that refusal was recorded.</param>
internal sealed record Contact(
    long Id,
    string Name,
    string Did,
    string PeerId,
    IReadOnlyList<string> Addresses,
    string? MailboxId,
    byte[]? IdentityKey,
    byte[]? PendingIdentityKey,
    ContactVerification Verification,
    DateTimeOffset AddedAt,
    DateTimeOffset UpdatedAt,
    string? MailboxKind = null,
    string? MailboxHint = null,
    DateTimeOffset? LastVerifiedAt = null,
    string? RefusedReason = null,
    DateTimeOffset? RefusedAt = null);
