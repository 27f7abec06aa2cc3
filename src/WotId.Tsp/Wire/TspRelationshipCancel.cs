// Trust Spanning Protocol (ToIP TSP vs1.0 Rev 2, §7.3 RFD; Rust SDK RelationshipCancel): XRFD <digest>.
using System;

namespace WotId.Tsp.Wire;

/// <summary>Declines or cancels the relationship named by a digest (RFD).</summary>
public sealed class TspRelationshipCancel : TspPayload
{
    /// <summary>Creates the payload.</summary>
    public TspRelationshipCancel(TspDigest digest)
    {
        ArgumentNullException.ThrowIfNull(digest);
        Digest = digest;
    }

    /// <summary>The digest of the RFI/RFA being declined or cancelled.</summary>
    public TspDigest Digest { get; }

    /// <inheritdoc />
    public override string TypeCode => TspCodes.RelationshipDecline;
}
