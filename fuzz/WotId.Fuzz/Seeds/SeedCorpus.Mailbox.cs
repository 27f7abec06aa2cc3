// Seeds for the mailbox targets: BCS TransactionData of the mailbox's programmable transactions and of a general one
// (Publish, MakeMoveVec, Receiving, sponsored gas, epoch expiration), Move type text, a MessageObject
// (move/wotid_mailbox field order), and JSON-RPC responses in the shapes the IOTA JSON-RPC API documents (values
// invented, as in the tests' fixtures).
using System.Collections.Generic;
using WotId.Mailbox;
using WotId.Mailbox.Chain;
using WotId.Mailbox.Hosted;
using WotId.Mailbox.Transactions;
using WotId.Mailbox.Types;

namespace WotId.Fuzz.Seeds;

internal static partial class SeedCorpus
{
    private const string Id = "0xb2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2";

    private static IEnumerable<Seed> Mailbox()
    {
        IotaAddress package = Address(0xa1), sender = Address(0x4d), mailbox = Address(0xb2);
        var gas = new GasConfig([new ObjectRef(Address(0xd4), 7, new ObjectDigest(new byte[32]))], 1000, 10_000_000);
        var builder = new MailboxTransactionBuilder(package, sender);
        yield return new Seed("mailbox-bcs", "send", TransactionBcs.Encode(builder.Send(new SharedRef(mailbox, 5), 1, "sealed"u8, gas)));
        yield return new Seed("mailbox-bcs", "transfer", TransactionBcs.Encode(builder.TransferIota(1000, Address(0x42), gas)));
        var ptb = new ProgrammableTransactionBuilder();
        Argument cap = ptb.Publish([new byte[] { 0xa1, 0x1c, 0xeb, 0x0b }], [Address(1), Address(2)]);
        Argument vec = ptb.MakeMoveVec(TypeTag.Parse("0x1::option::Option<u64>"), ptb.Pure("0x1::option::Option<u64>", 4294967296UL));
        ptb.MoveCall(package, "kit", "run", [TypeTag.Parse("0x2::coin::Coin<0x2::iota::IOTA>")], vec, ptb.ReceivingObject(new ObjectRef(Address(0xe1), 9, default)));
        ptb.TransferObjects([cap], ptb.PureAddress(sender));
        yield return new Seed("mailbox-bcs", "general", ptb.Build(sender, new GasData([], Address(0x5b), 1000, 5_000_000_000), 4294967396).ToBcs());
        yield return Text("mailbox-type-tag", "coin", "0x2::coin::Coin<0x2::iota::IOTA>");
        yield return Text("mailbox-type-tag", "nested", "vector<0xa1::pool::Pair<0x2::balance::Balance<0x2::iota::IOTA>, vector<u256>>>");
        var message = new MailboxMessage(new MessageInfo(Address(0xe5), mailbox, sender, 1_732_500_000_000, 1, 6, MessageState.Pending), "sealed"u8.ToArray());
        yield return new Seed("mailbox-bcs", "message-object", MessageObjectBcs.EncodeMessage(message));

        foreach (Seed seed in HostedFrames(mailbox, sender))
        {
            yield return seed;
        }

        yield return Text("mailbox-list-cursor", "pending", ListCursor.Format(false, null));
        yield return Text("mailbox-list-cursor", "archived", ListCursor.Format(true, null));
        yield return Text("mailbox-rpc-response", "u64", """{"jsonrpc":"2.0","id":1,"result":{"value":"1000"}}""");
        yield return Text("mailbox-rpc-response", "error", """{"jsonrpc":"2.0","id":1,"error":{"code":-32602,"message":"invalid params"}}""");
        yield return Text("mailbox-rpc-response", "object", """
            {"jsonrpc":"2.0","id":2,"result":{"data":{"objectId":"ID","version":"4","digest":"2NuRGWRyNumnhr9ckUpeMZGuphqEqDqu8fxh5CRJZSqY",
            "type":"0x2::mailbox::Mailbox","owner":{"Shared":{"initial_shared_version":"3"}},
            "bcs":{"dataType":"moveObject","type":"0x2::mailbox::MessageObject","version":"4","bcsBytes":"AQID"}}}}
            """.Replace("ID", Id, System.StringComparison.Ordinal));
        yield return Text("mailbox-rpc-response", "page", """
            {"jsonrpc":"2.0","id":5,"result":{"data":[{"name":{"type":"0x2::object::ID","value":"ID"},"bcsName":"GTzT","type":"DynamicObject",
            "objectType":"0x2::mailbox::MessageObject","objectId":"ID","version":"12","digest":"5BPqhqqJDfFjtayAxfWtPSZtxZLNGYhyPpoqTMityXsN",
            "coinType":"0x2::iota::IOTA","coinObjectId":"ID","balance":"10"}],"nextCursor":null,"hasNextPage":false}}
            """.Replace("ID", Id, System.StringComparison.Ordinal));
        yield return Text("mailbox-rpc-response", "execution", """
            {"jsonrpc":"2.0","id":7,"result":{"digest":"HyD1GB9ZQG8rvQanVvUg34GkPk2Nt4ZXLgczqYLWUt6z","effects":{"messageVersion":"v1",
            "status":{"status":"success"},"gasUsed":{"computationCost":"1","computationCostBurned":"1","storageCost":"2","storageRebate":"1",
            "nonRefundableStorageFee":"0"}},"events":[{"id":{"txDigest":"HyD1GB9ZQG8rvQanVvUg34GkPk2Nt4ZXLgczqYLWUt6z","eventSeq":"0"},
            "type":"0x2::mailbox::MessageSent","parsedJson":{"seq":"1"},"timestampMs":"1"}],
            "objectChanges":[{"type":"created","objectType":"0x2::mailbox::MessageObject","objectId":"ID","version":"2",
            "digest":"5BPqhqqJDfFjtayAxfWtPSZtxZLNGYhyPpoqTMityXsN","owner":{"AddressOwner":"ID"}}]}}
            """.Replace("ID", Id, System.StringComparison.Ordinal));
    }

    private static IotaAddress Address(byte fill)
    {
        var bytes = new byte[IotaAddress.Length];
        System.Array.Fill(bytes, fill);
        return new IotaAddress(bytes);
    }

    private static IEnumerable<Seed> HostedFrames(IotaAddress mailbox, IotaAddress sender)
    {
        var list = new HostedRequest { Op = HostedOp.List, TimestampMs = 1_732_500_000_000, MailboxId = mailbox, Cursor = "p7", PageSize = 50 };
        yield return new Seed("mailbox-hosted-frame", "list-request", HostedRequestCodec.Encode(list, [], null));
        var get = new HostedRequest { Op = HostedOp.GetMailbox, TimestampMs = 1_732_500_000_000, MailboxId = mailbox };
        yield return new Seed("mailbox-hosted-frame", "get-request", HostedRequestCodec.Encode(get, [], null));
        var page = new MessagePage([new MessageInfo(Address(0xe5), mailbox, sender, 1_732_500_000_000, 1, 6, MessageState.Pending)], "p1");
        yield return new Seed("mailbox-hosted-frame", "list-response", HostedResponseCodec.Encode(HostedOp.List, new HostedResponse { Page = page }));
        yield return new Seed("mailbox-hosted-frame", "refusal", HostedResponseCodec.Encode(HostedOp.Send, HostedResponse.Refused(MailboxError.RateLimited, "retry later")));
    }
}
