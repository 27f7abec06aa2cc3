using System;
using System.Text.Json;
using WotId.Identity.Keys;
using WotId.Node.Handshake;
using WotId.Signal.Keys;
using WotId.Tsp.Messages;

namespace WotId.Node.Tests.Handshake;

/// <summary>Rewrites a handshake frame of one party, re-signed with its own key, so exactly one thing changes.</summary>
internal static class FrameRewriter
{
    /// <summary>The same presentation, announced with another Signal identity key.</summary>
    public static byte[] WithIdentityKey(byte[] frame, SigningKey sender, EcPublicKey otherKey)
    {
        (_, string? receiver, HandshakeMessage share) = HandshakeMessageCodec.DecodeUnverified(frame);
        return HandshakeMessageCodec.Encode(HandshakeMessage.Share(share.Presentation!, otherKey, share.PreKeyBundle), new SigningKeyTspSigner(sender), sender.Did, receiver, TimeProvider.System);
    }

    /// <summary>A well-signed vc.share whose handshake object names another version.</summary>
    public static byte[] WithVersion(byte[] frame, SigningKey sender, int version)
    {
        (_, string? receiver, _) = HandshakeMessageCodec.DecodeUnverified(frame);
        JsonElement payload = JsonSerializer.SerializeToElement(new { credential = new { handshake = version, result = "ok" } });
        return WotTspCodec.Pack(new SigningKeyTspSigner(sender), sender.Did, receiver!, WotMessage.Create(WotMessageTypes.VcShare, payload));
    }

    /// <summary>A presentation taken from another frame, sent in a fresh TSP message (new id) on this connection.</summary>
    public static byte[] WithPresentationOf(byte[] frame, byte[] otherFrame, SigningKey sender)
    {
        (_, string? receiver, HandshakeMessage share) = HandshakeMessageCodec.DecodeUnverified(frame);
        (_, _, HandshakeMessage other) = HandshakeMessageCodec.DecodeUnverified(otherFrame);
        return HandshakeMessageCodec.Encode(HandshakeMessage.Share(other.Presentation!, share.IdentityKey!, null), new SigningKeyTspSigner(sender), sender.Did, receiver, TimeProvider.System);
    }
}
