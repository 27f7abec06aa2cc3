// Parsing of the documented JSON-RPC response shapes (fixtures in DocumentedResponses, labelled there).
using System;
using System.Linq;
using System.Text;
using System.Text.Json;
using WotId.Mailbox.Chain;
using WotId.Mailbox.Rpc;
using WotId.Mailbox.Types;

namespace WotId.Mailbox.Tests.Rpc;

public sealed class ResponseParsingTests
{
    private static JsonElement Result(string json) => RpcResponseParser.ParseEnvelope(Encoding.UTF8.GetBytes(json));

    [Fact]
    public void ReferenceGasPriceIsAU64String() =>
        Assert.Equal(1000UL, RpcResponseParser.ParseU64(Result(DocumentedResponses.GasPrice), "price"));

    [Fact]
    public void SharedMailboxObjectGivesInitialSharedVersionAndFields()
    {
        IotaObject o = RpcResponseParser.ParseObjectResponse(Result(DocumentedResponses.SharedMailbox))!;
        Assert.Equal(4294967400UL, o.Ref.Version);
        Assert.Equal(new ObjectOwner(OwnerKind.Shared, null, 4294967397UL), o.Owner);
        MailboxInfo info = MailboxFields.Parse(IotaAddress.Parse(DocumentedResponses.MailboxId), o);
        Assert.Equal(4096UL, info.MaxPayloadBytes);
        Assert.Equal(2UL, info.StoredCount);
        Assert.Equal(new byte[] { 1, 2, 3 }, info.EncryptionKey);
        Assert.Single(info.Blocked);
    }

    [Fact]
    public void MissingObjectIsNullNotAnError() =>
        Assert.Null(RpcResponseParser.ParseObjectResponse(Result(DocumentedResponses.NotExists)));

    [Fact]
    public void OwnedMessagesPageDecodesTheMessageBcs()
    {
        var message = new MailboxMessage(new MessageInfo(IotaAddress.Parse(DocumentedResponses.MessageId), IotaAddress.Parse(DocumentedResponses.MailboxId),
            Vectors.GoldenInputs.Id(0x4d), 1_732_500_000_000, 4294967301, 300, MessageState.Pending), Vectors.GoldenInputs.Payload300);
        string json = DocumentedResponses.OwnedMessages.Replace("BCS_MESSAGE", Convert.ToBase64String(MessageObjectBcs.EncodeMessage(message)), StringComparison.Ordinal);
        IotaPage<IotaObject> page = RpcResponseParser.ParsePage(Result(json), e => RpcResponseParser.ParseObjectResponse(e)!);
        IotaObject o = Assert.Single(page.Data);
        Assert.Equal(new ObjectOwner(OwnerKind.Address, IotaAddress.Parse(DocumentedResponses.MailboxId), null), o.Owner);
        Assert.Equal(9_500_000UL, o.StorageRebate);
        Assert.False(page.HasNextPage);
        MailboxMessage back = MessageObjectBcs.DecodeMessage(o.BcsBytes, MessageState.Pending);
        Assert.Equal(message.Info, back.Info);
        Assert.Equal(message.Payload, back.Payload);
    }

    [Fact]
    public void DynamicFieldsGiveTheChildObject()
    {
        IotaPage<DynamicFieldInfo> page = RpcResponseParser.ParsePage(Result(DocumentedResponses.DynamicFields), RpcResponseParser.ParseDynamicField);
        DynamicFieldInfo f = Assert.Single(page.Data);
        Assert.Equal("DynamicObject", f.Kind);
        Assert.Equal("0x2::object::ID", f.NameType);
        Assert.Equal(IotaAddress.Parse(DocumentedResponses.MessageId), f.Ref.ObjectId);
        Assert.Null(page.NextCursor);
    }

    [Fact]
    public void CoinsWithU64MaxBalance()
    {
        CoinInfo c = Assert.Single(RpcResponseParser.ParsePage(Result(DocumentedResponses.Coins), RpcResponseParser.ParseCoin).Data);
        Assert.Equal(ulong.MaxValue, c.Balance);
        Assert.Equal(4295000123UL, c.Ref.Version);
    }

    [Fact]
    public void ExecutedSendGivesStatusGasEventsAndCreatedMessage()
    {
        ExecutionResult r = RpcResponseParser.ParseExecution(Result(DocumentedResponses.ExecutedSend));
        Assert.True(r.Success);
        Assert.Equal("HyD1GB9ZQG8rvQanVvUg34GkPk2Nt4ZXLgczqYLWUt6z", r.Digest);
        Assert.Equal(new GasSummary(1_000_000, 9_439_600, 978_120, 0), r.Gas);
        ObjectChange created = r.Changes.Single(c => c.Kind == "created");
        Assert.Equal(IotaAddress.Parse(DocumentedResponses.MessageId), created.ObjectId);
        Assert.EndsWith("::mailbox::MessageSent", Assert.Single(r.Events).Type, StringComparison.Ordinal);
    }

    [Fact]
    public void DryRunMoveAbortMapsToThePackageErrorCode()
    {
        ExecutionResult r = RpcResponseParser.ParseExecution(Result(DocumentedResponses.DryRunAbortBlocked));
        Assert.False(r.Success);
        Assert.Equal(MailboxError.SenderBlocked, AbortMapper.FromExecutionError(r.Error).Error);
    }

    [Fact]
    public void RpcErrorObjectIsATypedExceptionWithTheCode()
    {
        IotaRpcException ex = Assert.Throws<IotaRpcException>(() => Result(DocumentedResponses.RpcErrorInvalidParams));
        Assert.Equal((IotaRpcError.RpcError, -32602), (ex.Error, ex.RpcCode));
    }

    [Theory]
    [InlineData("""{"jsonrpc":"2.0","id":1,"error":{"code":1,"message":"x"}}""")]
    [InlineData("""{"jsonrpc":"2.0","id":1,"result":"x"}""")]
    public void AnInvalidUtf8ByteIsAMalformedResponse(string json)
    {
        // Found by AFL++ (fuzz/README.md, mailbox-rpc-response): reading a string with a lone 0xF2 byte threw
        // InvalidOperationException instead of IotaRpcException.
        byte[] body = Encoding.UTF8.GetBytes(json);
        body[Array.IndexOf(body, (byte)'x')] = 0xF2;
        IotaRpcException ex = Assert.Throws<IotaRpcException>(() =>
        {
            JsonElement result = RpcResponseParser.ParseEnvelope(body);
            RpcResponseParser.ParseU64(result, "value");
        });
        Assert.Equal(IotaRpcError.MalformedResponse, ex.Error);
    }

    [Fact]
    public void QueryEventsPageWithCursor()
    {
        IotaPage<IotaEvent> page = RpcResponseParser.ParsePage(Result(DocumentedResponses.QueryEvents), RpcResponseParser.ParseEvent);
        Assert.True(page.HasNextPage);
        Assert.NotNull(page.NextCursor);
        Assert.Equal(1_732_500_000_000UL, Assert.Single(page.Data).TimestampMs);
    }

    [Theory]
    [InlineData("")]
    [InlineData("[]")]
    [InlineData("{\"jsonrpc\":\"2.0\",\"id\":1}")]
    [InlineData("{\"result\":{\"data\":{\"objectId\":\"0xzz\",\"version\":\"1\",\"digest\":\"x\"}}}")]
    public void MalformedResponsesAreRejectedWithTheDocumentedException(string json) =>
        Assert.Throws<IotaRpcException>(() => RpcResponseParser.ParseObjectResponse(Result(json)));
}
