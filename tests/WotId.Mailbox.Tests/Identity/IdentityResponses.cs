// FIXTURES, labelled as such: JSON-RPC responses written by hand in the shapes documented for the IOTA JSON-RPC API
// (iota_json_rpc_types IotaTransactionBlockResponse / ObjectChange / IotaEvent / IotaObjectResponse) for the IOTA
// Identity package: a created shared `<pkg>::identity::Identity`, the sender's `<pkg>::controller::ControllerCap`
// (fields as in controller.move: id, controller_of, can_delegate, access_token: 0x2::borrow::Referent), and `identity::ProposalEvent`
// (identity, controller, proposal, executed) that identity.move emits. IDs, digests and amounts are invented; they were
// NOT captured from a live node. The type addresses are the mainnet package's original ID (Move.lock env.mainnet).
namespace WotId.Mailbox.Tests.Identity;

internal static class IdentityResponses
{
    public const string Pkg = "0x84cf5d12de2f9731a89bb519bc0c982a941b319a33abefdd5ed2054ad931de08";
    public const string IdentityId = "0x1d1d1d1d1d1d1d1d1d1d1d1d1d1d1d1d1d1d1d1d1d1d1d1d1d1d1d1d1d1d1d1d";
    public const string CapId = "0xc7c7c7c7c7c7c7c7c7c7c7c7c7c7c7c7c7c7c7c7c7c7c7c7c7c7c7c7c7c7c7c7";
    public const string ProposalId = "0x9b9b9b9b9b9b9b9b9b9b9b9b9b9b9b9b9b9b9b9b9b9b9b9b9b9b9b9b9b9b9b9b";
    public const ulong IdentityIsv = 4294967400;
    public const ulong CapVersion = 5000000002;

    public const string DryRunSuccess = """
        {"jsonrpc":"2.0","id":1,"result":{"effects":{"messageVersion":"v1","status":{"status":"success"},
          "gasUsed":{"computationCost":"1000000","computationCostBurned":"1000000","storageCost":"6072400","storageRebate":"978120","nonRefundableStorageFee":"0"}},
          "events":[],"objectChanges":[],"balanceChanges":[],"input":{}}}
        """;

    public const string DryRunDeletedIdentity = """
        {"jsonrpc":"2.0","id":1,"result":{"effects":{"messageVersion":"v1",
          "status":{"status":"failure","error":"MoveAbort(MoveLocation { module: ModuleId { address: 84cf5d12de2f9731a89bb519bc0c982a941b319a33abefdd5ed2054ad931de08, name: Identifier(\"identity\") }, function: 21, instruction: 9, function_name: Some(\"propose_update\") }, 6) in command 2"},
          "gasUsed":{"computationCost":"1000000","computationCostBurned":"1000000","storageCost":"0","storageRebate":"0","nonRefundableStorageFee":"0"}},
          "events":[],"objectChanges":[],"balanceChanges":[],"input":{}}}
        """;

    public const string ExecutedCreate = """
        {"jsonrpc":"2.0","id":2,"result":{"digest":"TXDIGEST",
          "effects":{"messageVersion":"v1","status":{"status":"success"},"executedEpoch":"12",
            "gasUsed":{"computationCost":"1000000","computationCostBurned":"1000000","storageCost":"6072400","storageRebate":"978120","nonRefundableStorageFee":"0"},
            "transactionDigest":"TXDIGEST"},
          "events":[],
          "objectChanges":[
            {"type":"mutated","sender":"SENDER","owner":{"AddressOwner":"SENDER"},
             "objectType":"0x2::coin::Coin<0x2::iota::IOTA>","objectId":"0xd4d4d4d4d4d4d4d4d4d4d4d4d4d4d4d4d4d4d4d4d4d4d4d4d4d4d4d4d4d4d4d4",
             "version":"4295000124","previousVersion":"4295000123","digest":"7vwf4pQKbMu3Mnx8uLGw4aqozY71WULrvYQCi2wK13Gf"},
            {"type":"created","sender":"SENDER","owner":{"AddressOwner":"SENDER"},
             "objectType":"0x84cf5d12de2f9731a89bb519bc0c982a941b319a33abefdd5ed2054ad931de08::controller::ControllerCap",
             "objectId":"0xc7c7c7c7c7c7c7c7c7c7c7c7c7c7c7c7c7c7c7c7c7c7c7c7c7c7c7c7c7c7c7c7","version":"4295000124",
             "digest":"5BPqhqqJDfFjtayAxfWtPSZtxZLNGYhyPpoqTMityXsN"},
            {"type":"created","sender":"SENDER","owner":{"Shared":{"initial_shared_version":"4294967400"}},
             "objectType":"0x84cf5d12de2f9731a89bb519bc0c982a941b319a33abefdd5ed2054ad931de08::identity::Identity",
             "objectId":"0x1d1d1d1d1d1d1d1d1d1d1d1d1d1d1d1d1d1d1d1d1d1d1d1d1d1d1d1d1d1d1d1d","version":"4294967400",
             "digest":"2NuRGWRyNumnhr9ckUpeMZGuphqEqDqu8fxh5CRJZSqY"}]}}
        """;

    // One ProposalEvent: executed = true when a single controller's vote sufficed, false when the proposal waits.
    public const string ExecutedUpdate = """
        {"jsonrpc":"2.0","id":3,"result":{"digest":"TXDIGEST",
          "effects":{"messageVersion":"v1","status":{"status":"success"},"executedEpoch":"12",
            "gasUsed":{"computationCost":"1000000","computationCostBurned":"1000000","storageCost":"6072400","storageRebate":"5980000","nonRefundableStorageFee":"0"},
            "transactionDigest":"TXDIGEST"},
          "events":[{"id":{"txDigest":"TXDIGEST","eventSeq":"0"},
            "packageId":"0x84cf5d12de2f9731a89bb519bc0c982a941b319a33abefdd5ed2054ad931de08","transactionModule":"identity","sender":"SENDER",
            "type":"0x84cf5d12de2f9731a89bb519bc0c982a941b319a33abefdd5ed2054ad931de08::identity::ProposalEvent",
            "parsedJson":{"identity":"0x1d1d1d1d1d1d1d1d1d1d1d1d1d1d1d1d1d1d1d1d1d1d1d1d1d1d1d1d1d1d1d1d","controller":"0xc7c7c7c7c7c7c7c7c7c7c7c7c7c7c7c7c7c7c7c7c7c7c7c7c7c7c7c7c7c7c7c7",
              "proposal":"0x9b9b9b9b9b9b9b9b9b9b9b9b9b9b9b9b9b9b9b9b9b9b9b9b9b9b9b9b9b9b9b9b","executed":EXECUTED},
            "bcs":"3tdfAv","bcsEncoding":"base58","timestampMs":"1765000000000"}],
          "objectChanges":[
            {"type":"mutated","sender":"SENDER","owner":{"Shared":{"initial_shared_version":"4294967400"}},
             "objectType":"0x84cf5d12de2f9731a89bb519bc0c982a941b319a33abefdd5ed2054ad931de08::identity::Identity",
             "objectId":"0x1d1d1d1d1d1d1d1d1d1d1d1d1d1d1d1d1d1d1d1d1d1d1d1d1d1d1d1d1d1d1d1d","version":"4294967500","previousVersion":"4294967400",
             "digest":"2NuRGWRyNumnhr9ckUpeMZGuphqEqDqu8fxh5CRJZSqY"}]}}
        """;

    public const string IdentityObject = """
        {"jsonrpc":"2.0","id":4,"result":{"data":{
          "objectId":"0x1d1d1d1d1d1d1d1d1d1d1d1d1d1d1d1d1d1d1d1d1d1d1d1d1d1d1d1d1d1d1d1d",
          "version":"4294967500","digest":"2NuRGWRyNumnhr9ckUpeMZGuphqEqDqu8fxh5CRJZSqY",
          "type":"0x84cf5d12de2f9731a89bb519bc0c982a941b319a33abefdd5ed2054ad931de08::identity::Identity",
          "owner":{"Shared":{"initial_shared_version":"4294967400"}},
          "content":{"dataType":"moveObject","type":"0x84cf5d12de2f9731a89bb519bc0c982a941b319a33abefdd5ed2054ad931de08::identity::Identity",
            "fields":{"id":{"id":"0x1d1d1d1d1d1d1d1d1d1d1d1d1d1d1d1d1d1d1d1d1d1d1d1d1d1d1d1d1d1d1d1d"},"created":"1765000000000","updated":"1765000000000","version":"0","deleted":false,"deleted_did":false}}}}}
        """;

    public const string OwnedCap = """
        {"jsonrpc":"2.0","id":5,"result":{"data":[{"data":{
          "objectId":"0xc7c7c7c7c7c7c7c7c7c7c7c7c7c7c7c7c7c7c7c7c7c7c7c7c7c7c7c7c7c7c7c7",
          "version":"5000000002","digest":"5BPqhqqJDfFjtayAxfWtPSZtxZLNGYhyPpoqTMityXsN",
          "type":"0x84cf5d12de2f9731a89bb519bc0c982a941b319a33abefdd5ed2054ad931de08::controller::ControllerCap",
          "owner":{"AddressOwner":"SENDER"},
          "content":{"dataType":"moveObject","type":"0x84cf5d12de2f9731a89bb519bc0c982a941b319a33abefdd5ed2054ad931de08::controller::ControllerCap",
            "fields":{"id":{"id":"0xc7c7c7c7c7c7c7c7c7c7c7c7c7c7c7c7c7c7c7c7c7c7c7c7c7c7c7c7c7c7c7c7"},"controller_of":"CONTROLLED","can_delegate":false,
              "access_token":{"type":"0x2::borrow::Referent<0x84cf5d12de2f9731a89bb519bc0c982a941b319a33abefdd5ed2054ad931de08::controller::DelegationToken>","fields":{"id":"0xc8c8c8c8c8c8c8c8c8c8c8c8c8c8c8c8c8c8c8c8c8c8c8c8c8c8c8c8c8c8c8c8","value":null}}}}}}],
          "nextCursor":null,"hasNextPage":false}}
        """;

    public const string Coins = """
        {"jsonrpc":"2.0","id":6,"result":{"data":[
          {"coinType":"0x2::iota::IOTA","coinObjectId":"0xd4d4d4d4d4d4d4d4d4d4d4d4d4d4d4d4d4d4d4d4d4d4d4d4d4d4d4d4d4d4d4d4",
           "version":"4295000123","digest":"7vwf4pQKbMu3Mnx8uLGw4aqozY71WULrvYQCi2wK13Gf","balance":"2000000000",
           "previousTransaction":"BLbDu5FZUdSfLrGejhuaWw5iMJBo3j3TVRyPv9rfJyMA"}],"nextCursor":null,"hasNextPage":false}}
        """;
}
