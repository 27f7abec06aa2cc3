// TEST DOUBLE of an IOTA node's object store for the wotid_mailbox package, answering the JSON-RPC methods
// IotaMailbox uses (through ScriptedNode, on a real 127.0.0.1 socket). It executes the package's functions with the
// rules and abort codes of move/wotid_mailbox/sources/mailbox.move and the chain rules the client relies on:
// transfer-to-object makes a message AddressOwner(mailbox); claim turns it into a dynamic object field
// (ObjectOwner); owned inputs must belong to the signer; a receiving ticket must name the current version of an
// object owned by the mailbox address (iota::transfer abort 3 otherwise). Byte parity with @iota/iota-sdk is
// proven separately (Vectors/); this model only lets the one behaviour suite run against the chain client.
using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using WotId.Crypto;
using WotId.Mailbox.Chain;
using WotId.Mailbox.Signing;
using WotId.Mailbox.Transactions;
using WotId.Mailbox.Types;

namespace WotId.Mailbox.Tests.Contract;

/// <summary>The objects of one simulated chain and the transactions executed on it.</summary>
internal sealed partial class ChainModel
{
    private readonly object _gate = new();
    private readonly Dictionary<IotaAddress, Obj> _objects = new();
    private readonly List<IotaAddress> _created = new();
    private readonly Dictionary<string, string> _executed = new(StringComparer.Ordinal);
    private ulong _lamport = 10;

    public ChainModel(IotaAddress package) => Package = package;

    public IotaAddress Package { get; }

    private string TypeOf(string name) => $"{Package}::mailbox::{name}";

    /// <summary>Answers one JSON-RPC call (the <c>result</c> or <c>error</c> envelope).</summary>
    public string Answer(string method, JsonElement p)
    {
        lock (_gate)
        {
            try
            {
                JsonNode? result = method switch
                {
                    "iotax_getReferenceGasPrice" => JsonValue.Create("1000"),
                    "iotax_getCoins" => Coins(IotaAddress.Parse(p[0].GetString()!)),
                    "iota_getObject" => ObjectResponse(IotaAddress.Parse(p[0].GetString()!)),
                    "iota_multiGetObjects" => new JsonArray(p[0].EnumerateArray().Select(i => (JsonNode?)ObjectResponse(IotaAddress.Parse(i.GetString()!))).ToArray()),
                    "iotax_getOwnedObjects" => OwnedObjects(IotaAddress.Parse(p[0].GetString()!), p[2], p[3].GetInt32()),
                    "iotax_getDynamicFields" => DynamicFields(IotaAddress.Parse(p[0].GetString()!), p[1], p[2].GetInt32()),
                    "iota_dryRunTransactionBlock" => Run(Convert.FromBase64String(p[0].GetString()!), null),
                    "iota_executeTransactionBlock" => Run(Convert.FromBase64String(p[0].GetString()!), p[1][0].GetString()!),
                    "iota_getTransactionBlock" => _executed.TryGetValue(p[0].GetString()!, out string? done) ? JsonNode.Parse(done) : throw new RpcRejection(-32602, "unknown transaction"),
                    _ => throw new RpcRejection(-32601, "method not found: " + method),
                };
                return new JsonObject { ["jsonrpc"] = "2.0", ["id"] = 1, ["result"] = result }.ToJsonString();
            }
            catch (RpcRejection r)
            {
                return new JsonObject { ["jsonrpc"] = "2.0", ["id"] = 1, ["error"] = new JsonObject { ["code"] = r.Code, ["message"] = r.Message } }.ToJsonString();
            }
        }
    }

    private JsonNode Coins(IotaAddress owner)
    {
        Obj coin = _objects.Values.FirstOrDefault(o => o.Kind == ObjKind.Coin && o.Owner == owner) ?? Add(new Obj(ObjKind.Coin, NewId()) { Owner = owner });
        var c = new JsonObject
        {
            ["coinType"] = "0x2::iota::IOTA", ["coinObjectId"] = coin.Id.ToString(), ["version"] = coin.Version.ToString(Inv),
            ["digest"] = coin.Digest.ToString(), ["balance"] = "1000000000000000", ["previousTransaction"] = coin.Digest.ToString(),
        };
        return new JsonObject { ["data"] = new JsonArray(c), ["nextCursor"] = null, ["hasNextPage"] = false };
    }

    private JsonNode ObjectResponse(IotaAddress id) =>
        _objects.TryGetValue(id, out Obj? o) && o.Kind != ObjKind.Coin
            ? new JsonObject { ["data"] = ObjectData(o) }
            : new JsonObject { ["error"] = new JsonObject { ["code"] = "notExists", ["object_id"] = id.ToString() } };

    private JsonNode OwnedObjects(IotaAddress owner, JsonElement cursor, int limit)
    {
        IEnumerable<Obj> all = _created.Select(i => _objects.GetValueOrDefault(i)).OfType<Obj>()
            .Where(o => o.Kind == ObjKind.Message && o.Owner == owner && !o.Archived);
        return Page(all, cursor, limit, o => new JsonObject { ["data"] = ObjectData(o) });
    }

    private JsonNode DynamicFields(IotaAddress parent, JsonElement cursor, int limit)
    {
        IEnumerable<Obj> all = _created.Select(i => _objects.GetValueOrDefault(i)).OfType<Obj>()
            .Where(o => o.Kind == ObjKind.Message && o.Archived && o.Owner == parent);
        return Page(all, cursor, limit, o => new JsonObject
        {
            ["name"] = new JsonObject { ["type"] = "0x2::object::ID", ["value"] = o.Id.ToString() },
            ["bcsName"] = "11111111111111111111111111111111", ["bcsEncoding"] = "base58", ["type"] = "DynamicObject",
            ["objectType"] = TypeOf("MessageObject"), ["objectId"] = o.Id.ToString(), ["version"] = o.Version.ToString(Inv), ["digest"] = o.Digest.ToString(),
        });
    }

    /// <summary>A page in creation order; the cursor is the last object ID of the previous page, as the node's.</summary>
    private static JsonObject Page(IEnumerable<Obj> all, JsonElement cursor, int limit, Func<Obj, JsonNode> item)
    {
        if (cursor.ValueKind == JsonValueKind.String)
        {
            var after = IotaAddress.Parse(cursor.GetString()!);
            all = all.SkipWhile(o => o.Id != after).Skip(1);
        }

        List<Obj> rest = all.ToList();
        List<Obj> page = rest.Take(limit).ToList();
        return new JsonObject
        {
            ["data"] = new JsonArray(page.Select(o => (JsonNode?)item(o)).ToArray()),
            ["nextCursor"] = page.Count > 0 ? page[^1].Id.ToString() : null,
            ["hasNextPage"] = rest.Count > page.Count,
        };
    }

    private JsonObject ObjectData(Obj o)
    {
        var d = new JsonObject
        {
            ["objectId"] = o.Id.ToString(), ["version"] = o.Version.ToString(Inv), ["digest"] = o.Digest.ToString(),
            ["type"] = TypeOf(o.Kind == ObjKind.Mailbox ? "Mailbox" : o.Kind == ObjKind.Cap ? "MailboxOwnerCap" : "MessageObject"),
            ["owner"] = OwnerJson(o),
        };
        if (o.Kind == ObjKind.Mailbox)
        {
            d["content"] = new JsonObject
            {
                ["dataType"] = "moveObject", ["type"] = d["type"]!.GetValue<string>(),
                ["fields"] = new JsonObject
                {
                    ["id"] = new JsonObject { ["id"] = o.Id.ToString() }, ["owner_hint"] = o.Owner.ToString(),
                    ["encryption_key"] = new JsonArray(o.Payload.Select(b => (JsonNode?)JsonValue.Create(b)).ToArray()),
                    ["max_payload_bytes"] = o.Max.ToString(Inv), ["stored_count"] = o.Stored.ToString(Inv),
                    ["blocked"] = new JsonObject { ["type"] = "0x2::vec_set::VecSet<address>", ["fields"] = new JsonObject { ["contents"] = new JsonArray(o.Blocked.Select(a => (JsonNode?)JsonValue.Create(a.ToString())).ToArray()) } },
                    ["version"] = "1",
                },
            };
        }
        else
        {
            byte[] bcs = o.Kind == ObjKind.Cap
                ? [.. o.Id.Span, .. o.MailboxId.Span]
                : MessageObjectBcs.EncodeMessage(new MailboxMessage(new MessageInfo(o.Id, o.MailboxId, o.Sender, o.SentAtMs, o.Seq, o.Payload.Length, MessageState.Pending), o.Payload));
            d["bcs"] = new JsonObject { ["dataType"] = "moveObject", ["type"] = d["type"]!.GetValue<string>(), ["version"] = o.Version.ToString(Inv), ["bcsBytes"] = Convert.ToBase64String(bcs) };
        }

        return d;
    }

    private static JsonNode OwnerJson(Obj o) => o.Kind switch
    {
        ObjKind.Mailbox => new JsonObject { ["Shared"] = new JsonObject { ["initial_shared_version"] = o.SharedVersion.ToString(Inv) } },
        _ when o.Archived => new JsonObject { ["ObjectOwner"] = o.FieldId.ToString() },
        _ => new JsonObject { ["AddressOwner"] = o.Owner.ToString() },
    };

    private Obj Add(Obj o)
    {
        o.Version = ++_lamport;
        _objects[o.Id] = o;
        _created.Add(o.Id);
        return o;
    }

    private static IotaAddress NewId() => new(RandomBytes.Get(32));

    private static readonly IFormatProvider Inv = System.Globalization.CultureInfo.InvariantCulture;

    private enum ObjKind
    {
        Mailbox,
        Cap,
        Message,
        Coin,
    }

    /// <summary>One object; which fields matter depends on <see cref="Kind"/> (Payload doubles as the mailbox key).</summary>
    private sealed class Obj(ObjKind kind, IotaAddress id)
    {
        public ObjKind Kind { get; } = kind;

        public IotaAddress Id { get; } = id;

        public ulong Version { get; set; }

        public ObjectDigest Digest { get; set; } = new(RandomBytes.Get(32));

        /// <summary>AddressOwner for caps, coins and pending messages; the mailbox for archived ones; owner_hint for a mailbox.</summary>
        public IotaAddress Owner { get; set; }

        public ulong SharedVersion { get; set; }

        public IotaAddress MailboxId { get; set; }

        public IotaAddress Sender { get; set; }

        public ulong SentAtMs { get; set; }

        public ulong Seq { get; set; }

        public byte[] Payload { get; set; } = [];

        public ulong Max { get; set; }

        public ulong Stored { get; set; }

        public List<IotaAddress> Blocked { get; } = new();

        public bool Archived { get; set; }

        public IotaAddress FieldId { get; set; }
    }

    private sealed class RpcRejection(int code, string message) : Exception(message)
    {
        public int Code { get; } = code;
    }

    private sealed class MoveAbort(string module, ulong code) : Exception($"abort {code} in {module}")
    {
        public string Module { get; } = module;

        public ulong Code { get; } = code;
    }
}
