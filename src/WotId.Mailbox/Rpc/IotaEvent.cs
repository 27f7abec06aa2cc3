using System.Text.Json;
using WotId.Mailbox.Types;

namespace WotId.Mailbox.Rpc;

/// <summary>An event from <c>iotax_queryEvents</c> or transaction effects.</summary>
/// <param name="TxDigest">Transaction digest (Base58).</param>
/// <param name="EventSeq">Index within the transaction.</param>
/// <param name="Type">Move event type.</param>
/// <param name="Sender">Transaction sender.</param>
/// <param name="ParsedJson">The event's fields.</param>
/// <param name="TimestampMs">Checkpoint time, when known.</param>
public sealed record IotaEvent(string TxDigest, ulong EventSeq, string Type, IotaAddress Sender, JsonElement ParsedJson, ulong? TimestampMs);
