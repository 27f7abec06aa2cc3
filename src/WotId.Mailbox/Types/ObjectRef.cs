// ObjectRef = (object_id: Address, version: u64 (SequenceNumber), digest: ObjectDigest) (iota-types base_types.rs).
namespace WotId.Mailbox.Types;

/// <summary>A reference to one version of an object, as owned, immutable and receiving inputs need it.</summary>
/// <param name="ObjectId">The object ID.</param>
/// <param name="Version">Its current version.</param>
/// <param name="Digest">Its current digest.</param>
public readonly record struct ObjectRef(IotaAddress ObjectId, ulong Version, ObjectDigest Digest);
