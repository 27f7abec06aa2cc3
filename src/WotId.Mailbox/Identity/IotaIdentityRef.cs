using WotId.Mailbox.Types;

namespace WotId.Mailbox.Identity;

/// <summary>
/// An on-chain <c>iota_identity::identity::Identity</c> as transaction inputs name it: its object ID (the tag of its
/// <c>did:iota</c>) and the version at which it became shared (<c>Owner::Shared.initial_shared_version</c>).
/// </summary>
/// <param name="Id">The Identity object's ID.</param>
/// <param name="InitialSharedVersion">The version at which it was shared.</param>
public readonly record struct IotaIdentityRef(IotaAddress Id, ulong InitialSharedVersion);
