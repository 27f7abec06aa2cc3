// The JSON-RPC request bodies the C# client sends equal those @iota/iota-sdk 1.15.1 sends for the same calls
// (recorded offline by interop/mailbox/vectors.mjs with a fetch recorder). Compared as JSON values; ids differ.
using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using WotId.Mailbox.Rpc;
using WotId.Mailbox.Signing;
using WotId.Mailbox.Tests.Vectors;
using WotId.Mailbox.Types;
using static WotId.Mailbox.Tests.Vectors.GoldenInputs;

namespace WotId.Mailbox.Tests.Rpc;

public sealed class RequestBodyParityTests
{
    [Fact]
    public async Task RequestBodiesMatchTheSdk()
    {
        JsonElement oracle = await SdkOracle.GetAsync();
        JsonElement send = oracle.GetProperty("transactions").GetProperty("mailbox_send");
        byte[] tx = Convert.FromHexString(send.GetProperty("txBytes").GetString()!);
        string[] sigs = send.GetProperty("signatures").EnumerateArray().Select(s => s.GetString()!).ToArray();
        using IotaKeyPair alice = Alice();
        var ours = new List<(string Method, JsonArray Params)>
        {
            RpcRequests.ReferenceGasPrice(),
            RpcRequests.GetObject(Msg.ObjectId),
            RpcRequests.MultiGetObjects([Cap.ObjectId, MailboxRef.Id]),
            RpcRequests.GetOwnedObjects(MailboxRef.Id, $"{Package}::mailbox::MessageObject", null, 50),
            RpcRequests.GetDynamicFields(MailboxRef.Id, null, 50),
            RpcRequests.Execute(tx, sigs),
            RpcRequests.DryRun(tx),
            RpcRequests.QueryEvents($"{Package}::mailbox::MessageSent", null, 50, true),
            RpcRequests.GetCoins(alice.Address, null, 50),
            RpcRequests.GetTransaction(new ObjectDigest(Fill(32, _ => 0x99)).ToString()),
        };

        JsonElement[] sdk = oracle.GetProperty("rpc").EnumerateArray().ToArray();
        Assert.Equal(sdk.Length, ours.Count);
        for (int i = 0; i < sdk.Length; i++)
        {
            JsonElement body = sdk[i].GetProperty("body");
            JsonObject mine = RpcRequests.Envelope(body.GetProperty("id").GetInt64(), ours[i].Method, ours[i].Params);
            Assert.True(JsonNode.DeepEquals(JsonNode.Parse(body.GetRawText()), mine), $"body {i} ({ours[i].Method}):\n sdk  {body.GetRawText()}\n ours {mine.ToJsonString()}");
        }

        Assert.Equal("application/json", sdk[0].GetProperty("headers").GetProperty("Content-Type").GetString());
    }
}
