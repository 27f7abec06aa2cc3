using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using WotId.Signal.Keys;
using WotId.Signal.Protocol;

namespace WotId.Testing.Signal;

/// <summary>A @signalapp/libsignal-client 0.103.0 party in a Node.js child process (interop/signal/peer.mjs, one JSON request per line).</summary>
public sealed class LibsignalPeer : IAsyncDisposable
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(60);
    private readonly NodeProcess _node;

    private LibsignalPeer(NodeProcess node, string name)
    {
        _node = node;
        Name = name;
    }

    public string Name { get; }

    public EcPublicKey IdentityKey { get; private set; } = null!;

    public static async Task<LibsignalPeer> StartAsync(string name)
    {
        var peer = new LibsignalPeer(NodeProcess.Start("signal/peer.mjs"), name);
        JsonObject r = await peer.CallAsync(new JsonObject { ["cmd"] = "init", ["name"] = name });
        peer.IdentityKey = EcPublicKey.Deserialize(Convert.FromHexString((string)r["identityKey"]!));
        return peer;
    }

    public async Task<JsonObject> CallAsync(JsonObject request)
    {
        await _node.SendLineAsync(request.ToJsonString());
        string line = await _node.ReadLineAsync(s_timeout);
        JsonObject r = JsonNode.Parse(line)!.AsObject();
        if (!(bool)r["ok"]!)
        {
            throw new InvalidOperationException("libsignal peer failed: " + line + " stderr: " + _node.StandardError);
        }

        return r;
    }

    public async Task<PreKeyBundle> BundleAsync(bool oneTime = true)
    {
        JsonObject b = (await CallAsync(new JsonObject { ["cmd"] = "bundle", ["oneTime"] = oneTime }))["bundle"]!.AsObject();
        byte[] H(string k) => Convert.FromHexString((string)b[k]!);
        return new PreKeyBundle(
            (uint)b["registrationId"]!, (uint)b["deviceId"]!,
            b["preKeyId"] is null ? null : (uint)b["preKeyId"]!, b["preKey"] is null ? null : EcPublicKey.Deserialize(H("preKey")),
            (uint)b["signedPreKeyId"]!, EcPublicKey.Deserialize(H("signedPreKey")), H("signedPreKeySignature"),
            EcPublicKey.Deserialize(H("identityKey")), (uint)b["kyberPreKeyId"]!, KyberPublicKey.Deserialize(H("kyberPreKey")), H("kyberPreKeySignature"));
    }

    public Task ProcessBundleAsync(string address, PreKeyBundle bundle)
    {
        var b = new JsonObject
        {
            ["registrationId"] = bundle.RegistrationId,
            ["deviceId"] = bundle.DeviceId,
            ["identityKey"] = Hex(bundle.IdentityKey.Serialize()),
            ["signedPreKeyId"] = bundle.SignedPreKeyId,
            ["signedPreKey"] = Hex(bundle.SignedPreKey.Serialize()),
            ["signedPreKeySignature"] = Hex(bundle.SignedPreKeySignature),
            ["kyberPreKeyId"] = bundle.KyberPreKeyId,
            ["kyberPreKey"] = Hex(bundle.KyberPreKey.Serialize()),
            ["kyberPreKeySignature"] = Hex(bundle.KyberPreKeySignature),
        };
        if (bundle.PreKeyId is uint id)
        {
            b["preKeyId"] = id;
            b["preKey"] = Hex(bundle.PreKey!.Serialize());
        }

        return CallAsync(new JsonObject { ["cmd"] = "process", ["address"] = address, ["bundle"] = b });
    }

    public async Task<List<CiphertextMessage>> EncryptAsync(string address, IEnumerable<byte[]> plaintexts)
    {
        var list = new JsonArray(plaintexts.Select(p => (JsonNode)Hex(p)).ToArray());
        JsonObject r = await CallAsync(new JsonObject { ["cmd"] = "encrypt", ["address"] = address, ["plaintexts"] = list });
        return ToMessages(r);
    }

    /// <summary>Encrypts <paramref name="count"/> copies of <paramref name="plaintext"/>, returning only the kept indexes.</summary>
    public async Task<List<CiphertextMessage>> EncryptManyAsync(string address, int count, byte[] plaintext, params int[] keep)
    {
        JsonObject r = await CallAsync(new JsonObject
        {
            ["cmd"] = "encrypt", ["address"] = address, ["count"] = count, ["plaintext"] = Hex(plaintext),
            ["keep"] = new JsonArray(keep.Select(k => (JsonNode)k).ToArray()),
        });
        return ToMessages(r);
    }

    /// <summary>Decrypts each message; returns the plaintext or null and the libsignal error text.</summary>
    public async Task<List<(byte[]? Plaintext, string? Error)>> DecryptAsync(string address, IEnumerable<CiphertextMessage> messages)
    {
        var list = new JsonArray(messages.Select(m => (JsonNode)new JsonObject { ["type"] = (int)m.Type, ["body"] = Hex(m.Serialized) }).ToArray());
        JsonObject r = await CallAsync(new JsonObject { ["cmd"] = "decrypt", ["address"] = address, ["messages"] = list });
        return r["results"]!.AsArray().Select(x => (bool)x!["ok"]!
            ? (Convert.FromHexString((string)x["plaintext"]!), (string?)null)
            : ((byte[]?)null, (string)x["code"]! + ": " + (string)x["error"]!)).ToList();
    }

    public async Task<int> EpochAsync(string address)
    {
        JsonObject r = await CallAsync(new JsonObject { ["cmd"] = "epoch", ["address"] = address });
        return r["sckaEpoch"] is null ? -1 : (int)r["sckaEpoch"]!;
    }

    public async ValueTask DisposeAsync() => await _node.DisposeAsync();

    public static string Hex(ReadOnlySpan<byte> b) => Convert.ToHexStringLower(b);

    private static List<CiphertextMessage> ToMessages(JsonObject r) =>
        r["messages"]!.AsArray().Select(m => new CiphertextMessage((CiphertextMessageType)(int)m!["type"]!, Convert.FromHexString((string)m["body"]!))).ToList();
}
