// Trust Spanning Protocol, signed-only messages (Rust SDK crypto/nonconfidential.rs `sign`): a -S envelope whose
// non-confidential data field carries the content, then the sender's signature. The wot.id profile puts an encoded
// TSP payload (-Z##, sender VID first, as in the SDK's ESSR payloads) in that field, so RFI/RFA/RFD and XSCS
// application messages all travel signed; confidentiality comes from the Signal layer underneath.
using System;

namespace WotId.Tsp.Wire;

/// <summary>Creates signed TSP messages.</summary>
public static class TspSignedMessage
{
    /// <summary>Signs <paramref name="payload"/> from <paramref name="sender"/> to <paramref name="receiver"/> (wot.id profile).</summary>
    public static byte[] Create(ITspSigner signer, string sender, string? receiver, TspPayload payload)
    {
        byte[] encoded = TspPayloadCodec.Encode(payload, sender);
        return CreateRaw(signer, sender, receiver, encoded);
    }

    /// <summary>Signs arbitrary non-confidential data, byte for byte what the SDK's <c>sign</c> produces.</summary>
    public static byte[] CreateRaw(ITspSigner signer, string sender, string? receiver, ReadOnlySpan<byte> nonConfidentialData)
    {
        ArgumentNullException.ThrowIfNull(signer);
        var envelope = new TspEnvelope(sender, receiver, nonConfidentialData.ToArray());
        return TspMessageCodec.Sign(envelope, signer);
    }
}
