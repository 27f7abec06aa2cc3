// IotaObjectData.content of a Move object as IOTA JSON-RPC returns it (showContent): its type and fields.
using System.Text.Json;

namespace WotId.Identity.Dids.Iota;

/// <summary>A Move object's type (<c>0xPACKAGE::module::Name</c>) and its <c>content.fields</c> JSON.</summary>
/// <param name="Type">The Move struct type.</param>
/// <param name="Fields">The fields object (nested structs as <c>{"type","fields"}</c>, u64 as strings).</param>
public sealed record IotaObjectContent(string Type, JsonElement Fields);
