// IotaTransactionBlockResponse / DryRunTransactionBlockResponse: effects.status {status, error?},
// effects.gasUsed {computationCost, storageCost, storageRebate, nonRefundableStorageFee}, objectChanges[], events[].
using System.Collections.Generic;
using System.Text.Json;
using WotId.Mailbox.Types;

namespace WotId.Mailbox.Rpc;

/// <summary>Transaction-response parsing.</summary>
internal static partial class RpcResponseParser
{
    public static ExecutionResult ParseExecution(JsonElement e)
    {
        RequireObject(e, "transaction response");
        string digest = e.TryGetProperty("digest", out JsonElement d) && d.ValueKind == JsonValueKind.String ? d.GetString()! : string.Empty;
        JsonElement effects = Prop(e, "effects");
        RequireObject(effects, "effects");
        JsonElement status = Prop(effects, "status");
        RequireObject(status, "status");
        bool ok = String(status, "status") == "success";
        string? error = OptString(status, "error");
        JsonElement g = Prop(effects, "gasUsed");
        RequireObject(g, "gasUsed");
        var gas = new GasSummary(
            ParseU64(Prop(g, "computationCost"), "computationCost"), ParseU64(Prop(g, "storageCost"), "storageCost"),
            ParseU64(Prop(g, "storageRebate"), "storageRebate"),
            g.TryGetProperty("nonRefundableStorageFee", out JsonElement nr) ? ParseU64(nr, "nonRefundableStorageFee") : 0);
        var changes = new List<ObjectChange>();
        if (e.TryGetProperty("objectChanges", out JsonElement oc) && oc.ValueKind == JsonValueKind.Array)
        {
            foreach (JsonElement c in oc.EnumerateArray())
            {
                changes.Add(ParseObjectChange(c));
            }
        }

        var events = new List<IotaEvent>();
        if (e.TryGetProperty("events", out JsonElement ev) && ev.ValueKind == JsonValueKind.Array)
        {
            foreach (JsonElement x in ev.EnumerateArray())
            {
                events.Add(ParseEvent(x));
            }
        }

        return new ExecutionResult(digest, ok, error, gas, changes, events);
    }

    private static ObjectChange ParseObjectChange(JsonElement c)
    {
        RequireObject(c, "object change");
        string kind = String(c, "type");
        if (kind == "published")
        {
            return new ObjectChange(kind, Address(c, "packageId"), null, ParseU64(Prop(c, "version"), "version"), Digest(c, "digest"), null);
        }

        ObjectDigest? digest = c.TryGetProperty("digest", out JsonElement d) && d.ValueKind == JsonValueKind.String ? Digest(c, "digest") : null;
        ObjectOwner? owner = c.TryGetProperty("owner", out JsonElement o) && o.ValueKind != JsonValueKind.Null ? ParseOwner(o) : null;
        return new ObjectChange(kind, Address(c, "objectId"), OptString(c, "objectType"), ParseU64(Prop(c, "version"), "version"), digest, owner);
    }
}
