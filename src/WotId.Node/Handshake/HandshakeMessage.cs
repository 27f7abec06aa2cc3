// The payload of one handshake message, after the TSP envelope was verified (docs/node.md "Handshake"):
//   vc.request  { "credential_type": "VerifiedHumanCredential", "audience": "p2p:<initiator peer id>" }
//   vc.share    { "credential": { "handshake": 1, "presentation": vp+jwt, "identity_key": b64url(33 B),
//                                 "prekey_bundle"?: b64url(PreKeyBundle) } }
//   vc.share    { "credential": { "handshake": 1, "result": "ok" } }
//   vc.share    { "credential": { "handshake": 1, "error": "<reason token>" } }
using WotId.Signal.Keys;

namespace WotId.Node.Handshake;

/// <summary>One decoded handshake message.</summary>
internal sealed class HandshakeMessage
{
    private HandshakeMessage(HandshakeMessageKind kind)
    {
        Kind = kind;
    }

    public HandshakeMessageKind Kind { get; }

    /// <summary>Request: the audience the responder's presentation must name.</summary>
    public string? Audience { get; private init; }

    /// <summary>Share: the vp+jwt.</summary>
    public string? Presentation { get; private init; }

    /// <summary>Share: the sender's Signal identity key.</summary>
    public EcPublicKey? IdentityKey { get; private init; }

    /// <summary>Share from the responder: the serialized prekey bundle (parsed by the initiator).</summary>
    public byte[]? PreKeyBundle { get; private init; }

    /// <summary>Error: the sender's reason.</summary>
    public HandshakeFailureReason ErrorReason { get; private init; }

    public static HandshakeMessage Request(string audience) => new(HandshakeMessageKind.Request) { Audience = audience };

    public static HandshakeMessage Share(string presentation, EcPublicKey identityKey, byte[]? preKeyBundle) =>
        new(HandshakeMessageKind.Share) { Presentation = presentation, IdentityKey = identityKey, PreKeyBundle = preKeyBundle };

    public static HandshakeMessage Confirm() => new(HandshakeMessageKind.Confirm);

    public static HandshakeMessage Error(HandshakeFailureReason reason) => new(HandshakeMessageKind.Error) { ErrorReason = reason };

    public override string ToString() => $"HandshakeMessage({Kind})";
}
