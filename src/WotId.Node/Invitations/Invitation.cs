// A wot.id invitation (docs/node.md, "Invitations"): everything a contact needs to reach the inviter — over
// libp2p while the inviter is online, through the mailbox with the Signal prekey bundle while it is not — signed
// by the inviter's DID key. Instances are plain data; only InvitationVerifier says one is authentic.
using System;
using System.Collections.Generic;
using System.Globalization;
using WotId.Libp2p.Multiaddr;
using WotId.Libp2p.Peer;
using WotId.Signal.Keys;

namespace WotId.Node.Invitations;

/// <summary>The contents of a <c>wotid:</c> invitation (everything the signature covers).</summary>
/// <param name="Did">The inviter's DID (did:key ML-DSA-65 today; any DID string).</param>
/// <param name="PeerId">The inviter's libp2p peer id.</param>
/// <param name="ListenAddresses">Where the inviter listens (at most <see cref="InvitationLimits.MaxAddresses"/>).</param>
/// <param name="Bundle">The inviter's Signal prekey bundle (Kyber prekey mandatory; leave the one-time prekey out of an invitation shown to many).</param>
/// <param name="CreatedAt">When the invitation was made (whole seconds are kept).</param>
/// <param name="ExpiresAt">When it stops being accepted (whole seconds are kept).</param>
public sealed record Invitation(
    string Did,
    PeerId PeerId,
    IReadOnlyList<Multiaddress> ListenAddresses,
    PreKeyBundle Bundle,
    DateTimeOffset CreatedAt,
    DateTimeOffset ExpiresAt)
{
    /// <summary>The binary format version this implementation writes and reads.</summary>
    public const int CurrentVersion = 1;

    /// <summary>The format version (always <see cref="CurrentVersion"/> today).</summary>
    public int Version { get; init; } = CurrentVersion;

    /// <summary>Optional name the inviter suggests (at most <see cref="InvitationLimits.MaxDisplayNameBytes"/> UTF-8 bytes, no control characters).</summary>
    public string? DisplayName { get; init; }

    /// <summary>Optional mailbox for offline delivery.</summary>
    public InvitationMailbox? Mailbox { get; init; }

    /// <summary>A short, readable summary: the DID's fingerprint, never the 2,600-character DID.</summary>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"Invitation(v{Version}, {DidFingerprint.Short(Did)}, peer {PeerId}, {ListenAddresses.Count} addresses, mailbox {(Mailbox is null ? "none" : Mailbox.Kind.ToString())}, expires {ExpiresAt:u})");
}
