// FIXTURES, labelled as such: JSON-RPC responses written by hand in the shapes documented for the IOTA JSON-RPC API
// (docs.iota.org TS SDK client types IotaObjectResponse / IotaObjectData / ObjectOwner / DynamicFieldInfo /
// PaginatedCoins / IotaTransactionBlockResponse / IotaEvent, and iotaledger/iota iota_json_rpc_types).
// Object IDs, digests and amounts are invented; they were NOT captured from a live node.
namespace WotId.Mailbox.Tests.Rpc;

internal static class DocumentedResponses
{
    public const string Package = "0xa1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1";
    public const string MailboxId = "0xb2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2";
    public const string MessageId = "0xe5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5";

    public const string GasPrice = """{"jsonrpc":"2.0","id":1,"result":"1000"}""";

    public const string SharedMailbox = """
        {"jsonrpc":"2.0","id":2,"result":{"data":{
          "objectId":"0xb2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2",
          "version":"4294967400","digest":"2NuRGWRyNumnhr9ckUpeMZGuphqEqDqu8fxh5CRJZSqY",
          "type":"0xa1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1::mailbox::Mailbox",
          "owner":{"Shared":{"initial_shared_version":"4294967397"}},
          "content":{"dataType":"moveObject","type":"0xa1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1::mailbox::Mailbox",
            "fields":{"id":{"id":"0xb2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2"},
              "owner_hint":"0x4d4dbe917544b07922348a66b9c4b5a5a5f34a9ffb319915c39409c7d0ff230a",
              "encryption_key":[1,2,3],"max_payload_bytes":"4096","stored_count":"2",
              "blocked":{"type":"0x2::vec_set::VecSet<address>","fields":{"contents":["0xeb42f93b196f7db147f68a5cbb5d082411854f0fc9e251f8a368569325bf0f72"]}},
              "version":"1"}}}}}
        """;

    public const string NotExists = """
        {"jsonrpc":"2.0","id":3,"result":{"error":{"code":"notExists","object_id":"0xe5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5"}}}
        """;

    public const string OwnedMessages = """
        {"jsonrpc":"2.0","id":4,"result":{"data":[{"data":{
          "objectId":"0xe5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5",
          "version":"4294967296","digest":"5BPqhqqJDfFjtayAxfWtPSZtxZLNGYhyPpoqTMityXsN",
          "type":"0xa1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1::mailbox::MessageObject",
          "owner":{"AddressOwner":"0xb2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2"},
          "storageRebate":"9500000",
          "bcs":{"dataType":"moveObject","type":"0xa1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1::mailbox::MessageObject","version":"4294967296",
            "bcsBytes":"BCS_MESSAGE"}}}],
          "nextCursor":"0xe5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5","hasNextPage":false}}
        """;

    public const string DynamicFields = """
        {"jsonrpc":"2.0","id":5,"result":{"data":[{
          "name":{"type":"0x2::object::ID","value":"0xe5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5"},
          "bcsName":"GTzTCSpYQQPyJAL8HvqGGkg7PdUZZqqJVZ4GnnDJ9ggb","bcsEncoding":"base58","type":"DynamicObject",
          "objectType":"0xa1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1::mailbox::MessageObject",
          "objectId":"0xe5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5",
          "version":"12","digest":"5BPqhqqJDfFjtayAxfWtPSZtxZLNGYhyPpoqTMityXsN"}],"nextCursor":null,"hasNextPage":false}}
        """;

    public const string Coins = """
        {"jsonrpc":"2.0","id":6,"result":{"data":[
          {"coinType":"0x2::iota::IOTA","coinObjectId":"0xd4d4d4d4d4d4d4d4d4d4d4d4d4d4d4d4d4d4d4d4d4d4d4d4d4d4d4d4d4d4d4d4",
           "version":"4295000123","digest":"7vwf4pQKbMu3Mnx8uLGw4aqozY71WULrvYQCi2wK13Gf","balance":"18446744073709551615",
           "previousTransaction":"BLbDu5FZUdSfLrGejhuaWw5iMJBo3j3TVRyPv9rfJyMA"}],"nextCursor":null,"hasNextPage":false}}
        """;

    public const string ExecutedSend = """
        {"jsonrpc":"2.0","id":7,"result":{"digest":"HyD1GB9ZQG8rvQanVvUg34GkPk2Nt4ZXLgczqYLWUt6z",
          "effects":{"messageVersion":"v1","status":{"status":"success"},"executedEpoch":"12",
            "gasUsed":{"computationCost":"1000000","computationCostBurned":"1000000","storageCost":"9439600","storageRebate":"978120","nonRefundableStorageFee":"0"},
            "transactionDigest":"HyD1GB9ZQG8rvQanVvUg34GkPk2Nt4ZXLgczqYLWUt6z"},
          "events":[{"id":{"txDigest":"HyD1GB9ZQG8rvQanVvUg34GkPk2Nt4ZXLgczqYLWUt6z","eventSeq":"0"},
            "packageId":"0xa1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1","transactionModule":"mailbox",
            "sender":"0x4d4dbe917544b07922348a66b9c4b5a5a5f34a9ffb319915c39409c7d0ff230a",
            "type":"0xa1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1::mailbox::MessageSent",
            "parsedJson":{"mailbox_id":"0xb2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2","seq":"1","size":"300"},
            "bcs":"3tdfAv","bcsEncoding":"base58","timestampMs":"1732500000000"}],
          "objectChanges":[
            {"type":"mutated","sender":"0x4d4dbe917544b07922348a66b9c4b5a5a5f34a9ffb319915c39409c7d0ff230a",
             "owner":{"AddressOwner":"0x4d4dbe917544b07922348a66b9c4b5a5a5f34a9ffb319915c39409c7d0ff230a"},
             "objectType":"0x2::coin::Coin<0x2::iota::IOTA>","objectId":"0xd4d4d4d4d4d4d4d4d4d4d4d4d4d4d4d4d4d4d4d4d4d4d4d4d4d4d4d4d4d4d4d4",
             "version":"4295000124","previousVersion":"4295000123","digest":"7vwf4pQKbMu3Mnx8uLGw4aqozY71WULrvYQCi2wK13Gf"},
            {"type":"created","sender":"0x4d4dbe917544b07922348a66b9c4b5a5a5f34a9ffb319915c39409c7d0ff230a",
             "owner":{"AddressOwner":"0xb2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2"},
             "objectType":"0xa1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1::mailbox::MessageObject",
             "objectId":"0xe5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5","version":"4295000124",
             "digest":"5BPqhqqJDfFjtayAxfWtPSZtxZLNGYhyPpoqTMityXsN"}]}}
        """;

    public const string DryRunAbortBlocked = """
        {"jsonrpc":"2.0","id":8,"result":{"effects":{"messageVersion":"v1",
          "status":{"status":"failure","error":"MoveAbort(MoveLocation { module: ModuleId { address: a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1, name: Identifier(\"mailbox\") }, function: 2, instruction: 12, function_name: Some(\"send\") }, 3) in command 0"},
          "gasUsed":{"computationCost":"1000000","computationCostBurned":"1000000","storageCost":"0","storageRebate":"0","nonRefundableStorageFee":"0"}},
          "events":[],"objectChanges":[],"balanceChanges":[],"input":{}}}
        """;

    public const string RpcErrorInvalidParams = """
        {"jsonrpc":"2.0","id":9,"error":{"code":-32602,"message":"Invalid params"}}
        """;

    public const string QueryEvents = """
        {"jsonrpc":"2.0","id":10,"result":{"data":[{"id":{"txDigest":"HyD1GB9ZQG8rvQanVvUg34GkPk2Nt4ZXLgczqYLWUt6z","eventSeq":"0"},
          "packageId":"0xa1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1","transactionModule":"mailbox",
          "sender":"0x4d4dbe917544b07922348a66b9c4b5a5a5f34a9ffb319915c39409c7d0ff230a",
          "type":"0xa1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1::mailbox::MessageSent",
          "parsedJson":{"seq":"1"},"bcs":"3tdfAv","bcsEncoding":"base58","timestampMs":"1732500000000"}],
          "nextCursor":{"txDigest":"HyD1GB9ZQG8rvQanVvUg34GkPk2Nt4ZXLgczqYLWUt6z","eventSeq":"0"},"hasNextPage":true}}
        """;
}
