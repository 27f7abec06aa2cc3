using WotId.Mailbox.Types;

namespace WotId.Mailbox.Rpc;

/// <summary>An entry of <c>objectChanges</c> (created, mutated, deleted, transferred, wrapped, published).</summary>
/// <param name="Kind">The <c>type</c> field.</param>
/// <param name="ObjectId">Object ID.</param>
/// <param name="ObjectType">Move type, when present.</param>
/// <param name="Version">Version after the transaction.</param>
/// <param name="Digest">Digest after the transaction, when present.</param>
/// <param name="Owner">Owner after the transaction, when present.</param>
public sealed record ObjectChange(string Kind, IotaAddress ObjectId, string? ObjectType, ulong Version, ObjectDigest? Digest, ObjectOwner? Owner);
