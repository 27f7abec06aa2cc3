// JSON-RPC request bodies, positional parameters exactly as @iota/iota-sdk 1.15.1 client.ts sends them
// (captured by interop/mailbox/vectors.mjs; compared in tests/WotId.Mailbox.Tests/Rpc). Note C.4.
using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using WotId.Mailbox.Types;

namespace WotId.Mailbox.Rpc;

/// <summary>Builds <c>{"jsonrpc":"2.0","id":n,"method":…,"params":[…]}</c> bodies.</summary>
internal static class RpcRequests
{
    public const string IotaCoinType = "0x2::iota::IOTA";

    public static JsonObject Envelope(long id, string method, JsonArray parameters) => new()
    {
        ["jsonrpc"] = "2.0",
        ["id"] = id,
        ["method"] = method,
        ["params"] = parameters,
    };

    public static (string Method, JsonArray Params) ReferenceGasPrice() => ("iotax_getReferenceGasPrice", new JsonArray());

    public static (string Method, JsonArray Params) ChainIdentifier() => ("iota_getChainIdentifier", new JsonArray());

    public static (string Method, JsonArray Params) GetObject(IotaAddress id) =>
        ("iota_getObject", new JsonArray(id.ToString(), ObjectOptions()));

    public static (string Method, JsonArray Params) MultiGetObjects(IReadOnlyList<IotaAddress> ids) =>
        ("iota_multiGetObjects", new JsonArray(new JsonArray(ids.Select(i => (JsonNode?)JsonValue.Create(i.ToString())).ToArray()), ObjectOptions()));

    public static (string Method, JsonArray Params) GetOwnedObjects(IotaAddress owner, string? structType, JsonElement? cursor, int limit)
    {
        var query = new JsonObject();
        if (structType is not null)
        {
            query["filter"] = new JsonObject { ["StructType"] = structType };
        }

        query["options"] = ObjectOptions();
        return ("iotax_getOwnedObjects", new JsonArray(owner.ToString(), query, Cursor(cursor), limit));
    }

    public static (string Method, JsonArray Params) GetDynamicFields(IotaAddress parent, JsonElement? cursor, int limit) =>
        ("iotax_getDynamicFields", new JsonArray(parent.ToString(), Cursor(cursor), limit));

    public static (string Method, JsonArray Params) GetDynamicFieldObject(IotaAddress parent, string nameType, JsonElement nameValue) =>
        ("iotax_getDynamicFieldObjectV2", new JsonArray(
            parent.ToString(), new JsonObject { ["type"] = nameType, ["value"] = JsonNode.Parse(nameValue.GetRawText()) }, ObjectOptions()));

    public static (string Method, JsonArray Params) GetCoins(IotaAddress owner, JsonElement? cursor, int limit) =>
        ("iotax_getCoins", new JsonArray(owner.ToString(), IotaCoinType, Cursor(cursor), limit));

    public static (string Method, JsonArray Params) Execute(byte[] txBytes, IReadOnlyList<string> signatures) =>
        ("iota_executeTransactionBlock", new JsonArray(
            Convert.ToBase64String(txBytes),
            new JsonArray(signatures.Select(s => (JsonNode?)JsonValue.Create(s)).ToArray()),
            new JsonObject { ["showEffects"] = true, ["showEvents"] = true, ["showObjectChanges"] = true }));

    public static (string Method, JsonArray Params) DryRun(byte[] txBytes) =>
        ("iota_dryRunTransactionBlock", new JsonArray(Convert.ToBase64String(txBytes)));

    public static (string Method, JsonArray Params) GetTransaction(string digest) =>
        ("iota_getTransactionBlock", new JsonArray(digest, new JsonObject { ["showEffects"] = true, ["showEvents"] = true, ["showObjectChanges"] = true }));

    public static (string Method, JsonArray Params) QueryEvents(string moveEventType, JsonElement? cursor, int limit, bool descending) =>
        ("iotax_queryEvents", new JsonArray(new JsonObject { ["MoveEventType"] = moveEventType }, Cursor(cursor), limit, descending));

    private static JsonObject ObjectOptions() => new()
    {
        ["showType"] = true,
        ["showOwner"] = true,
        ["showContent"] = true,
        ["showBcs"] = true,
    };

    private static JsonNode? Cursor(JsonElement? cursor) =>
        cursor is JsonElement c && c.ValueKind != JsonValueKind.Null ? JsonNode.Parse(c.GetRawText()) : null;
}
