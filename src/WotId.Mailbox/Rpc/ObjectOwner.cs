using WotId.Mailbox.Types;

namespace WotId.Mailbox.Rpc;

/// <summary>Kinds of object owner in JSON-RPC (<c>AddressOwner</c>, <c>ObjectOwner</c>, <c>Shared</c>, <c>Immutable</c>).</summary>
public enum OwnerKind
{
    /// <summary>Owned by an address (also a transfer-to-object child: the mailbox ID as address).</summary>
    Address,

    /// <summary>A dynamic-field child.</summary>
    Object,

    /// <summary>Shared.</summary>
    Shared,

    /// <summary>Immutable.</summary>
    Immutable,
}

/// <summary>An object's owner.</summary>
/// <param name="Kind">Kind.</param>
/// <param name="Address">Owner address for Address/Object.</param>
/// <param name="InitialSharedVersion">For shared objects.</param>
public sealed record ObjectOwner(OwnerKind Kind, IotaAddress? Address, ulong? InitialSharedVersion);
