// A contact as `wotid contacts` / `wotid contact show` and GET /v1/contacts show it.
using System;
using System.Collections.Generic;

namespace WotId.Node.Api;

/// <summary>A contact.</summary>
/// <param name="Name">Display name, unique in the profile.</param>
/// <param name="Did">The full DID.</param>
/// <param name="Fingerprint">Short DID fingerprint.</param>
/// <param name="PeerId">libp2p peer id.</param>
/// <param name="Addresses">Known addresses.</param>
/// <param name="Verification"><c>unverified</c> (added from an invitation), <c>verified</c> (a handshake passed), <c>key_changed</c> (messages held until accepted).</param>
/// <param name="SafetyNumber">The 60-digit safety number formatted as 12 groups of 5, when the contact's Signal identity key is known.</param>
/// <param name="HasMailbox">Whether the contact's mailbox is known (offline delivery possible).</param>
/// <param name="AddedAt">When the contact was added.</param>
/// <param name="LastVerifiedAt">The last successful handshake, if any.</param>
/// <param name="Refusal">
/// The handshake reason token (e.g. <c>revoked</c>) when this node's last handshake with the contact refused its
/// credential; its mailbox messages are then refused until a handshake verifies it (docs/node.md "Refused contacts").
/// </param>
/// <param name="RefusedAt">When the refusal was recorded.</param>
public sealed record ContactSummary(
    string Name,
    string Did,
    string Fingerprint,
    string PeerId,
    IReadOnlyList<string> Addresses,
    string Verification,
    string? SafetyNumber,
    bool HasMailbox,
    DateTimeOffset AddedAt,
    DateTimeOffset? LastVerifiedAt,
    string? Refusal = null,
    DateTimeOffset? RefusedAt = null);
