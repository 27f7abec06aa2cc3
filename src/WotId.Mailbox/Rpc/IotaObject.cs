using System.Text.Json;
using WotId.Mailbox.Types;

namespace WotId.Mailbox.Rpc;

/// <summary>The parts of <c>IotaObjectData</c> the mailbox uses.</summary>
/// <param name="Ref">ID, version, digest.</param>
/// <param name="Type">Move type, when requested.</param>
/// <param name="Owner">Owner, when requested.</param>
/// <param name="Fields">Parsed <c>content.fields</c>, when requested.</param>
/// <param name="StorageRebate">Storage rebate in NANOS, when requested.</param>
/// <param name="BcsBytes">The Move object's BCS contents (<c>bcs.bcsBytes</c>), when requested.</param>
public sealed record IotaObject(ObjectRef Ref, string? Type, ObjectOwner? Owner, JsonElement? Fields, ulong? StorageRebate, byte[]? BcsBytes);
