// Trust Spanning Protocol relationship forming (ToIP TSP vs1.0 Rev 2, §7), digests computed as the Rust SDK does
// (tsp_sdk/src/crypto/mod.rs build_relationship_request_payload / build_relationship_accept_payload at 950ba90):
// encode the payload (with the sender VID in front) with a 32-byte zero digest, hash it, re-encode with the hash.
// Parallel forms hash (and have the new VID sign) the challenge "sender VID, XRFI|XRFA, digests, nonce, new VID".
using System;
using WotId.Crypto;
using WotId.Tsp.Cesr;

namespace WotId.Tsp.Wire;

/// <summary>Builds and checks relationship-forming payloads (RFI, RFA, RFD).</summary>
public static class TspRelationship
{
    /// <summary>A direct RFI from <paramref name="sender"/> with a fresh random nonce.</summary>
    public static TspRelationshipRequest CreateRequest(string sender, TspDigestAlgorithm algorithm = TspDigestAlgorithm.Sha256) =>
        CreateRequest(sender, RandomBytes.Get(TspRelationshipRequest.NonceSize), algorithm);

    /// <summary>A direct RFI from <paramref name="sender"/> with the given nonce.</summary>
    public static TspRelationshipRequest CreateRequest(string sender, ReadOnlySpan<byte> nonce, TspDigestAlgorithm algorithm = TspDigestAlgorithm.Sha256)
    {
        var placeholder = new TspRelationshipRequest(TspDigest.Zero(algorithm), nonce);
        TspDigest digest = Hash(algorithm, TspPayloadCodec.Encode(placeholder, sender));
        return new TspRelationshipRequest(digest, nonce);
    }

    /// <summary>A direct RFA from <paramref name="sender"/> accepting the RFI with digest <paramref name="requestDigest"/>.</summary>
    public static TspRelationshipAccept CreateAccept(string sender, TspDigest requestDigest)
    {
        ArgumentNullException.ThrowIfNull(requestDigest);
        var placeholder = new TspRelationshipAccept(requestDigest, TspDigest.Zero(requestDigest.Algorithm));
        TspDigest reply = Hash(requestDigest.Algorithm, TspPayloadCodec.Encode(placeholder, sender));
        return new TspRelationshipAccept(requestDigest, reply);
    }

    /// <summary>An RFD declining or cancelling the relationship with digest <paramref name="digest"/>.</summary>
    public static TspRelationshipCancel CreateCancel(TspDigest digest) => new(digest);

    /// <summary>A parallel RFI: <paramref name="newVidSigner"/> (the new VID's key) signs the challenge.</summary>
    public static TspRelationshipRequest CreateParallelRequest(
        string sender, ReadOnlySpan<byte> nonce, string newVid, ITspSigner newVidSigner, TspDigestAlgorithm algorithm = TspDigestAlgorithm.Sha256)
    {
        ArgumentNullException.ThrowIfNull(newVidSigner);
        TspDigest digest = Hash(algorithm, RequestChallenge(sender, TspDigest.Zero(algorithm), nonce, newVid));
        byte[] signature = newVidSigner.Sign(RequestChallenge(sender, digest, nonce, newVid));
        return new TspRelationshipRequest(digest, nonce, newVid, newVidSigner.Algorithm, signature);
    }

    /// <summary>A parallel RFA: <paramref name="newVidSigner"/> (the new VID's key) signs the challenge.</summary>
    public static TspRelationshipAccept CreateParallelAccept(string sender, TspDigest requestDigest, string newVid, ITspSigner newVidSigner)
    {
        ArgumentNullException.ThrowIfNull(requestDigest);
        ArgumentNullException.ThrowIfNull(newVidSigner);
        TspDigest reply = Hash(requestDigest.Algorithm, AcceptChallenge(sender, requestDigest, TspDigest.Zero(requestDigest.Algorithm), newVid));
        byte[] signature = newVidSigner.Sign(AcceptChallenge(sender, requestDigest, reply, newVid));
        return new TspRelationshipAccept(requestDigest, reply, newVid, newVidSigner.Algorithm, signature);
    }

    /// <summary>
    /// True when the self-addressing digest of an RFI (its request digest) or RFA (its reply digest) matches the
    /// payload sent by <paramref name="sender"/>; other payload kinds have no such digest and return true.
    /// </summary>
    public static bool VerifyDigest(TspPayload payload, string? sender)
    {
        ArgumentNullException.ThrowIfNull(payload);
        return payload switch
        {
            TspRelationshipRequest { NewVid: null } rfi => rfi.Digest.Equals(
                Hash(rfi.Digest.Algorithm, TspPayloadCodec.Encode(new TspRelationshipRequest(TspDigest.Zero(rfi.Digest.Algorithm), rfi.Nonce), sender))),
            TspRelationshipRequest rfi => rfi.Digest.Equals(
                Hash(rfi.Digest.Algorithm, RequestChallenge(sender, TspDigest.Zero(rfi.Digest.Algorithm), rfi.Nonce, rfi.NewVid))),
            TspRelationshipAccept { NewVid: null } rfa => rfa.ReplyDigest.Equals(
                Hash(rfa.ReplyDigest.Algorithm, TspPayloadCodec.Encode(new TspRelationshipAccept(rfa.RequestDigest, TspDigest.Zero(rfa.ReplyDigest.Algorithm)), sender))),
            TspRelationshipAccept rfa => rfa.ReplyDigest.Equals(
                Hash(rfa.ReplyDigest.Algorithm, AcceptChallenge(sender, rfa.RequestDigest, TspDigest.Zero(rfa.ReplyDigest.Algorithm), rfa.NewVid!))),
            _ => true,
        };
    }

    /// <summary>Checks the new VID's signature in a parallel RFI or RFA against that VID's key.</summary>
    public static bool VerifyNewVidSignature(TspPayload payload, string? sender, TspVerificationKey newVidKey)
    {
        ArgumentNullException.ThrowIfNull(newVidKey);
        return payload switch
        {
            TspRelationshipRequest { NewVid: not null } rfi => TspSignatureVerifier.Verify(
                newVidKey, rfi.NewVidSignatureAlgorithm, RequestChallenge(sender, rfi.Digest, rfi.Nonce, rfi.NewVid), rfi.NewVidSignature),
            TspRelationshipAccept { NewVid: not null } rfa => TspSignatureVerifier.Verify(
                newVidKey, rfa.NewVidSignatureAlgorithm, AcceptChallenge(sender, rfa.RequestDigest, rfa.ReplyDigest, rfa.NewVid), rfa.NewVidSignature),
            _ => false,
        };
    }

    internal static TspDigest Hash(TspDigestAlgorithm algorithm, ReadOnlySpan<byte> data) => new(
        algorithm,
        algorithm == TspDigestAlgorithm.Sha256 ? Sha256.Hash(data) : Blake2b256.Hash(data));

    private static byte[] RequestChallenge(string? sender, TspDigest digest, ReadOnlySpan<byte> nonce, string newVid)
    {
        var w = new CesrWriter();
        if (sender is not null)
        {
            w.WriteVariable(TspCodes.Vid, TspVid.Encode(sender, nameof(sender)));
        }

        w.WriteTriplet(TspCodes.RelationshipInvite);
        TspPayloadCodec.WriteDigest(w, digest);
        w.WriteFixed(TspCodes.Nonce, nonce);
        w.WriteVariable(TspCodes.Vid, TspVid.Encode(newVid, nameof(newVid)));
        return w.ToArray();
    }

    private static byte[] AcceptChallenge(string? sender, TspDigest requestDigest, TspDigest replyDigest, string newVid)
    {
        var w = new CesrWriter();
        if (sender is not null)
        {
            w.WriteVariable(TspCodes.Vid, TspVid.Encode(sender, nameof(sender)));
        }

        w.WriteTriplet(TspCodes.RelationshipAccept);
        TspPayloadCodec.WriteDigest(w, requestDigest);
        TspPayloadCodec.WriteDigest(w, replyDigest);
        w.WriteVariable(TspCodes.Vid, TspVid.Encode(newVid, nameof(newVid)));
        return w.ToArray();
    }
}
