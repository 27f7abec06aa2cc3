// Trust Spanning Protocol (ToIP TSP vs1.0 Rev 2, §9 payload types; Rust SDK cesr::Payload).
namespace WotId.Tsp.Wire;

/// <summary>
/// A TSP payload: <see cref="TspGenericPayload"/> (XSCS), <see cref="TspNestedPayload"/> and <see cref="TspRoutedPayload"/> (XHOP),
/// <see cref="TspRelationshipRequest"/> (XRFI), <see cref="TspRelationshipAccept"/> (XRFA), <see cref="TspRelationshipCancel"/> (XRFD).
/// </summary>
public abstract class TspPayload
{
    private protected TspPayload()
    {
    }

    /// <summary>The four-character CESR type code.</summary>
    public abstract string TypeCode { get; }
}
