// iotax_getDynamicFieldObjectV2 through the public JsonRpcIotaClient against a real HTTP listener on 127.0.0.1: the
// request body must be the one @iota/iota-sdk 1.15.1 getDynamicFieldObject sends (captured by ptb-public.mjs), a
// found field is parsed into an IotaObject and "dynamicFieldNotFound" gives null.
using System;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using WotId.Mailbox.Rpc;
using WotId.Mailbox.Transactions;
using WotId.Mailbox.Types;
using static WotId.Mailbox.PublicApi.Tests.PublicInputs;
using WotId.Testing;

namespace WotId.Mailbox.PublicApi.Tests;

public sealed class DynamicFieldObjectRpcTests
{
    [Fact]
    public async Task GetDynamicFieldObjectSendsTheSdkRequestAndParsesBothAnswers()
    {
        JsonElement sdk = (await PublicApiOracle.GetAsync()).GetProperty("rpc");
        string fieldId = DynamicFields.DeriveId(Pool, TypeTag.Parse("0x2::object::ID"), Recv.ObjectId.Span).ToString();
        string found = "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{\"data\":{\"objectId\":\"" + fieldId + "\",\"version\":\"4294967300\",\"digest\":\""
            + Gas.Digest + "\",\"type\":\"0x2::dynamic_field::Field<0x2::object::ID, 0x2::object::ID>\"}}}";
        string missing = """{"jsonrpc":"2.0","id":2,"result":{"error":{"code":"dynamicFieldNotFound","parent_object_id":"0x01"}}}""";

        int port = LoopbackPorts.Free();
        using var listener = new HttpListener();
        listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        listener.Start();
        using var client = new JsonRpcIotaClient(new Uri($"http://127.0.0.1:{port}/"));
        using JsonDocument name = JsonDocument.Parse($"\"{Recv.ObjectId}\"");

        Task<IotaObject?> first = client.GetDynamicFieldObjectAsync(Pool, "0x2::object::ID", name.RootElement, TestContext.Current.CancellationToken);
        JsonNode body = await AnswerAsync(listener, found);
        IotaObject? obj = await first;
        Task<IotaObject?> second = client.GetDynamicFieldObjectAsync(Pool, "0x2::object::ID", name.RootElement, TestContext.Current.CancellationToken);
        await AnswerAsync(listener, missing);

        Assert.Equal(sdk.GetProperty("method").GetString(), (string?)body["method"]);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(sdk.GetProperty("params").GetRawText()), body["params"]), body.ToJsonString());
        Assert.NotNull(obj);
        Assert.Equal(new ObjectRef(IotaAddress.Parse(fieldId), 4294967300, Gas.Digest), obj.Ref);
        Assert.Null(await second);
    }

    private static async Task<JsonNode> AnswerAsync(HttpListener listener, string response)
    {
        HttpListenerContext ctx = await listener.GetContextAsync();
        using var reader = new StreamReader(ctx.Request.InputStream, Encoding.UTF8);
        JsonNode body = JsonNode.Parse(await reader.ReadToEndAsync())!;
        byte[] bytes = Encoding.UTF8.GetBytes(response);
        ctx.Response.ContentType = "application/json";
        await ctx.Response.OutputStream.WriteAsync(bytes);
        ctx.Response.Close();
        return body;
    }

}
