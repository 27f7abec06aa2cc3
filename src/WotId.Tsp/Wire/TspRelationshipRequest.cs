// Trust Spanning Protocol (ToIP TSP vs1.0 Rev 2, §7.1 "Direct relationship forming" RFI; Rust SDK
// DirectRelationProposal / ParallelRelationProposal): XRFI <digest> A<32-byte nonce> 4B##<new VID> [-C##-K##<sig>].
using System;

namespace WotId.Tsp.Wire;

/// <summary>A relationship-forming invite (RFI); a parallel one carries a new VID and that VID's signature.</summary>
public sealed class TspRelationshipRequest : TspPayload
{
    /// <summary>Nonce size (the SDK uses a 256-bit <c>A</c> primitive; the spec says 128-bit).</summary>
    public const int NonceSize = 32;

    private readonly byte[] _nonce;
    private readonly byte[]? _newVidSignature;

    /// <summary>Creates the payload (use <see cref="TspRelationship"/> to compute the digest).</summary>
    public TspRelationshipRequest(
        TspDigest digest,
        ReadOnlySpan<byte> nonce,
        string? newVid = null,
        TspSignatureAlgorithm newVidSignatureAlgorithm = default,
        byte[]? newVidSignature = null)
    {
        ArgumentNullException.ThrowIfNull(digest);
        if (nonce.Length != NonceSize)
        {
            throw new ArgumentException("the RFI nonce has 32 bytes", nameof(nonce));
        }

        if ((newVid is null) != (newVidSignature is null))
        {
            throw new ArgumentException("a parallel RFI has both a new VID and its signature", nameof(newVidSignature));
        }

        if (newVid is not null)
        {
            TspVid.Encode(newVid, nameof(newVid));
            if (newVidSignature!.Length != TspSignatureCodec.SignatureSize(newVidSignatureAlgorithm))
            {
                throw new ArgumentException("the new-VID signature size does not fit its algorithm", nameof(newVidSignature));
            }
        }

        Digest = digest;
        _nonce = nonce.ToArray();
        NewVid = newVid;
        NewVidSignatureAlgorithm = newVidSignatureAlgorithm;
        _newVidSignature = newVidSignature is null ? null : (byte[])newVidSignature.Clone();
    }

    /// <summary>The request digest (the thread id of the relationship).</summary>
    public TspDigest Digest { get; }

    /// <summary>The 32-byte nonce.</summary>
    public ReadOnlySpan<byte> Nonce => _nonce;

    /// <summary>The new VID of a parallel relationship; null for a direct RFI.</summary>
    public string? NewVid { get; }

    /// <summary>The algorithm of <see cref="NewVidSignature"/>.</summary>
    public TspSignatureAlgorithm NewVidSignatureAlgorithm { get; }

    /// <summary>The new VID's signature over the challenge (parallel only; empty otherwise).</summary>
    public ReadOnlySpan<byte> NewVidSignature => _newVidSignature;

    /// <inheritdoc />
    public override string TypeCode => TspCodes.RelationshipInvite;
}
