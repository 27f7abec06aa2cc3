// Parsers for the JSON-RPC response shapes of the IOTA node (iota_json_rpc_types: IotaObjectResponse,
// IotaObjectData, ObjectOwner, DynamicFieldInfo, Coin, IotaTransactionBlockResponse, IotaEvent, Page).
// Untrusted input: every field is checked; any deviation is IotaRpcException(MalformedResponse). u64 values are
// JSON strings (the node's BigInt convention); plain numbers are also accepted.
using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;
using WotId.Mailbox.Types;

namespace WotId.Mailbox.Rpc;

/// <summary>Typed views of JSON-RPC results.</summary>
internal static partial class RpcResponseParser
{
    public const int MaxResponseBytes = 8 * 1024 * 1024;

    /// <summary>Parses a whole response body and returns its <c>result</c>, or throws for an <c>error</c> object.</summary>
    public static JsonElement ParseEnvelope(ReadOnlySpan<byte> body)
    {
        if (body.Length > MaxResponseBytes)
        {
            throw Malformed("response larger than " + MaxResponseBytes + " bytes");
        }

        // RFC 8259 §8.1: JSON text is UTF-8. Utf8JsonReader does not validate every string, and reading one with an
        // invalid byte throws InvalidOperationException, so the whole body is checked first.
        if (!System.Text.Unicode.Utf8.IsValid(body))
        {
            throw Malformed("response is not valid UTF-8");
        }

        JsonElement root;
        try
        {
            var reader = new Utf8JsonReader(body, new JsonReaderOptions { MaxDepth = 64 });
            root = JsonElement.ParseValue(ref reader);
        }
        catch (JsonException ex)
        {
            throw new IotaRpcException(IotaRpcError.MalformedResponse, "not JSON", null, ex);
        }

        if (root.ValueKind != JsonValueKind.Object)
        {
            throw Malformed("response is not an object");
        }

        if (root.TryGetProperty("error", out JsonElement error) && error.ValueKind == JsonValueKind.Object)
        {
            int? code = error.TryGetProperty("code", out JsonElement c) && c.ValueKind == JsonValueKind.Number && c.TryGetInt32(out int ci) ? ci : null;
            string message = error.TryGetProperty("message", out JsonElement m) && m.ValueKind == JsonValueKind.String ? m.GetString()! : "(no message)";
            throw new IotaRpcException(IotaRpcError.RpcError, Truncate(message), code);
        }

        return root.TryGetProperty("result", out JsonElement result) ? result : throw Malformed("neither result nor error");
    }

    public static ulong ParseU64(JsonElement e, string what)
    {
        if (e.ValueKind == JsonValueKind.String && ulong.TryParse(e.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out ulong s))
        {
            return s;
        }

        if (e.ValueKind == JsonValueKind.Number && e.TryGetUInt64(out ulong n))
        {
            return n;
        }

        throw Malformed(what + " is not a u64");
    }

    /// <summary><c>IotaObjectResponse</c>: <c>{data}</c> or <c>{error: {code: notExists | deleted | …}}</c>.</summary>
    public static IotaObject? ParseObjectResponse(JsonElement e)
    {
        RequireObject(e, "object response");
        if (e.TryGetProperty("data", out JsonElement data) && data.ValueKind == JsonValueKind.Object)
        {
            return ParseObjectData(data);
        }

        if (e.TryGetProperty("error", out JsonElement err) && err.ValueKind == JsonValueKind.Object)
        {
            return null;
        }

        throw Malformed("object response has neither data nor error");
    }

    public static IotaObject ParseObjectData(JsonElement d)
    {
        RequireObject(d, "object data");
        var r = new ObjectRef(Address(d, "objectId"), ParseU64(Prop(d, "version"), "version"), Digest(d, "digest"));
        string? type = OptString(d, "type");
        ObjectOwner? owner = d.TryGetProperty("owner", out JsonElement o) && o.ValueKind != JsonValueKind.Null ? ParseOwner(o) : null;
        JsonElement? fields = null;
        if (d.TryGetProperty("content", out JsonElement content) && content.ValueKind == JsonValueKind.Object)
        {
            type ??= OptString(content, "type");
            if (content.TryGetProperty("fields", out JsonElement f))
            {
                fields = f.Clone();
            }
        }

        ulong? rebate = d.TryGetProperty("storageRebate", out JsonElement sr) && sr.ValueKind != JsonValueKind.Null ? ParseU64(sr, "storageRebate") : null;
        byte[]? bcs = null;
        if (d.TryGetProperty("bcs", out JsonElement b) && b.ValueKind == JsonValueKind.Object && OptString(b, "bcsBytes") is string b64)
        {
            bcs = new byte[b64.Length];
            if (!Convert.TryFromBase64String(b64, bcs, out int n))
            {
                throw Malformed("bcsBytes is not base64");
            }

            Array.Resize(ref bcs, n);
        }

        return new IotaObject(r, type, owner, fields, rebate, bcs);
    }

    /// <summary><c>{"AddressOwner": a}</c> | <c>{"ObjectOwner": a}</c> | <c>{"Shared": {"initial_shared_version": n}}</c> | <c>"Immutable"</c>.</summary>
    public static ObjectOwner ParseOwner(JsonElement o)
    {
        if (o.ValueKind == JsonValueKind.String && o.GetString() == "Immutable")
        {
            return new ObjectOwner(OwnerKind.Immutable, null, null);
        }

        RequireObject(o, "owner");
        if (o.TryGetProperty("AddressOwner", out JsonElement a))
        {
            return new ObjectOwner(OwnerKind.Address, ParseAddress(a, "AddressOwner"), null);
        }

        if (o.TryGetProperty("ObjectOwner", out JsonElement p))
        {
            return new ObjectOwner(OwnerKind.Object, ParseAddress(p, "ObjectOwner"), null);
        }

        if (o.TryGetProperty("Shared", out JsonElement s))
        {
            RequireObject(s, "Shared");
            return new ObjectOwner(OwnerKind.Shared, null, ParseU64(Prop(s, "initial_shared_version"), "initial_shared_version"));
        }

        throw Malformed("unknown owner shape");
    }

    public static IotaPage<T> ParsePage<T>(JsonElement e, Func<JsonElement, T> item)
    {
        RequireObject(e, "page");
        JsonElement data = Prop(e, "data");
        if (data.ValueKind != JsonValueKind.Array)
        {
            throw Malformed("page data is not an array");
        }

        var list = new List<T>();
        foreach (JsonElement x in data.EnumerateArray())
        {
            list.Add(item(x));
        }

        JsonElement? next = e.TryGetProperty("nextCursor", out JsonElement nc) && nc.ValueKind != JsonValueKind.Null ? nc.Clone() : null;
        bool more = e.TryGetProperty("hasNextPage", out JsonElement h) && h.ValueKind == JsonValueKind.True;
        return new IotaPage<T>(list, next, more);
    }

    public static DynamicFieldInfo ParseDynamicField(JsonElement e)
    {
        RequireObject(e, "dynamic field");
        JsonElement name = Prop(e, "name");
        RequireObject(name, "dynamic field name");
        return new DynamicFieldInfo(
            String(name, "type"), Prop(name, "value").GetRawText(), String(e, "type"), String(e, "objectType"),
            new ObjectRef(Address(e, "objectId"), ParseU64(Prop(e, "version"), "version"), Digest(e, "digest")));
    }

    public static CoinInfo ParseCoin(JsonElement e)
    {
        RequireObject(e, "coin");
        return new CoinInfo(
            new ObjectRef(Address(e, "coinObjectId"), ParseU64(Prop(e, "version"), "version"), Digest(e, "digest")),
            ParseU64(Prop(e, "balance"), "balance"));
    }

    public static IotaEvent ParseEvent(JsonElement e)
    {
        RequireObject(e, "event");
        JsonElement id = Prop(e, "id");
        RequireObject(id, "event id");
        ulong? ts = e.TryGetProperty("timestampMs", out JsonElement t) && t.ValueKind != JsonValueKind.Null ? ParseU64(t, "timestampMs") : null;
        return new IotaEvent(String(id, "txDigest"), ParseU64(Prop(id, "eventSeq"), "eventSeq"), String(e, "type"), Address(e, "sender"),
            e.TryGetProperty("parsedJson", out JsonElement pj) ? pj.Clone() : default, ts);
    }

    internal static IotaRpcException Malformed(string what) => new(IotaRpcError.MalformedResponse, what);

    private static string Truncate(string s) => s.Length <= 300 ? s : s[..300] + "…";

    private static void RequireObject(JsonElement e, string what)
    {
        if (e.ValueKind != JsonValueKind.Object)
        {
            throw Malformed(what + " is not an object");
        }
    }

    private static JsonElement Prop(JsonElement e, string name) =>
        e.TryGetProperty(name, out JsonElement v) ? v : throw Malformed("missing field " + name);

    private static string String(JsonElement e, string name)
    {
        JsonElement v = Prop(e, name);
        return v.ValueKind == JsonValueKind.String ? v.GetString()! : throw Malformed(name + " is not a string");
    }

    private static string? OptString(JsonElement e, string name) =>
        e.TryGetProperty(name, out JsonElement v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static IotaAddress Address(JsonElement e, string name) => ParseAddress(Prop(e, name), name);

    internal static IotaAddress ParseAddress(JsonElement v, string what) =>
        v.ValueKind == JsonValueKind.String && IotaAddress.TryParse(v.GetString(), out IotaAddress a) ? a : throw Malformed(what + " is not an address");

    private static ObjectDigest Digest(JsonElement e, string name)
    {
        string s = String(e, name);
        try
        {
            return s.Length <= 64 ? ObjectDigest.Parse(s) : throw Malformed(name + " is too long");
        }
        catch (FormatException)
        {
            throw Malformed(name + " is not a Base58 digest");
        }
    }
}
