// Trust Spanning Protocol (ToIP TSP vs1.0 Rev 2, §7.1 RFA; Rust SDK DirectRelationAffirm / ParallelRelationAffirm):
// XRFA <request digest> <reply digest> [4B##<new VID> -C##-K##<sig>].
using System;

namespace WotId.Tsp.Wire;

/// <summary>A relationship-forming accept (RFA) answering an RFI by its digest.</summary>
public sealed class TspRelationshipAccept : TspPayload
{
    private readonly byte[]? _newVidSignature;

    /// <summary>Creates the payload (use <see cref="TspRelationship"/> to compute the reply digest).</summary>
    public TspRelationshipAccept(
        TspDigest requestDigest,
        TspDigest replyDigest,
        string? newVid = null,
        TspSignatureAlgorithm newVidSignatureAlgorithm = default,
        byte[]? newVidSignature = null)
    {
        ArgumentNullException.ThrowIfNull(requestDigest);
        ArgumentNullException.ThrowIfNull(replyDigest);
        if ((newVid is null) != (newVidSignature is null))
        {
            throw new ArgumentException("a parallel RFA has both a new VID and its signature", nameof(newVidSignature));
        }

        if (newVid is not null)
        {
            TspVid.Encode(newVid, nameof(newVid));
            if (newVidSignature!.Length != TspSignatureCodec.SignatureSize(newVidSignatureAlgorithm))
            {
                throw new ArgumentException("the new-VID signature size does not fit its algorithm", nameof(newVidSignature));
            }
        }

        RequestDigest = requestDigest;
        ReplyDigest = replyDigest;
        NewVid = newVid;
        NewVidSignatureAlgorithm = newVidSignatureAlgorithm;
        _newVidSignature = newVidSignature is null ? null : (byte[])newVidSignature.Clone();
    }

    /// <summary>The digest of the RFI being accepted.</summary>
    public TspDigest RequestDigest { get; }

    /// <summary>This reply's own digest.</summary>
    public TspDigest ReplyDigest { get; }

    /// <summary>The new VID of a parallel relationship; null for a direct RFA.</summary>
    public string? NewVid { get; }

    /// <summary>The algorithm of <see cref="NewVidSignature"/>.</summary>
    public TspSignatureAlgorithm NewVidSignatureAlgorithm { get; }

    /// <summary>The new VID's signature over the challenge (parallel only).</summary>
    public ReadOnlySpan<byte> NewVidSignature => _newVidSignature;

    /// <inheritdoc />
    public override string TypeCode => TspCodes.RelationshipAccept;
}
