// The transactions of interop/mailbox/ptb-public.mjs, built through the public API in the same order as the SDK
// calls (input order is creation order; object inputs are de-duplicated by ID).
using System;
using System.Numerics;
using WotId.Mailbox.Transactions;
using WotId.Mailbox.Types;
using static WotId.Mailbox.PublicApi.Tests.PublicInputs;

namespace WotId.Mailbox.PublicApi.Tests;

internal static class ReferenceTransactions
{
    public static readonly string[] Names =
    [
        "pure_values", "gas_split_merge_transfer", "shared_clock_nested_generics", "receiving_and_results",
        "make_move_vec_typed", "make_move_vec_objects", "publish", "upgrade", "sponsored_epoch",
    ];

    private static readonly TypeTag[] s_none = [];

    public static TransactionData Build(string name, IotaAddress alice, IotaAddress bob)
    {
        var b = new ProgrammableTransactionBuilder();
        var gas = new GasData([Gas], alice, 1000, 5_000_000);
        switch (name)
        {
            case "pure_values": PureValues(b, bob); break;
            case "gas_split_merge_transfer": SplitMergeTransfer(b, bob); break;
            case "shared_clock_nested_generics": SharedClockGenerics(b); break;
            case "receiving_and_results": ReceivingAndResults(b); break;
            case "make_move_vec_typed": MakeMoveVecTyped(b); break;
            case "make_move_vec_objects": MakeMoveVecObjects(b); break;
            case "publish": Publish(b, alice); break;
            case "upgrade": Upgrade(b); break;
            case "sponsored_epoch":
                SplitMergeTransfer(b, bob);
                return b.Build(alice, new GasData([SponsorGas], bob, 1000, 5_000_000_000), expirationEpoch: 4294967396);
            default: throw new ArgumentOutOfRangeException(nameof(name));
        }

        return b.Build(alice, gas);
    }

    private static string Target(string module, string function) => $"{Package}::{module}::{function}";

    private static void PureValues(ProgrammableTransactionBuilder b, IotaAddress bob) =>
        b.MoveCall(Target("kit", "all_pure"), s_none,
            b.PureU8(255), b.PureU16(65535), b.PureU32(4294967295), b.PureU64(ulong.MaxValue), b.PureU128(UInt128.MaxValue),
            b.PureU256((BigInteger.One << 256) - 1), b.PureBool(true), b.PureBool(false), b.PureAddress(bob), b.PureId(Owned.ObjectId),
            b.PureString("grüße 👋"), b.Pure("vector<u64>", new ulong[] { 1, 4294967296 }), b.PureBytes(Fill(200, i => i)),
            b.Pure("0x1::option::Option<u64>", 4294967297UL), b.Pure("0x1::option::Option<address>", null),
            b.Pure("vector<0x1::string::String>", new[] { "a", "bc" }),
            b.Pure("vector<vector<u8>>", new[] { new byte[] { 1, 2 }, [], [3] }),
            b.Pure("0x1::option::Option<vector<u16>>", new ushort[] { 7, 8 }));

    private static void SplitMergeTransfer(ProgrammableTransactionBuilder b, IotaAddress bob)
    {
        Argument[] coins = b.SplitCoins(ProgrammableTransactionBuilder.Gas, b.PureU64(4294967296), b.PureU64(5));
        b.MergeCoins(b.Object(Owned), coins[1], b.Object(Owned2));
        b.TransferObjects([coins[0], b.Object(Owned)], b.PureAddress(bob));
    }

    private static void SharedClockGenerics(ProgrammableTransactionBuilder b)
    {
        TypeTag[] types =
        [
            TypeTag.Parse("0x2::coin::Coin<0x2::iota::IOTA>"),
            TypeTag.Parse($"{Package}::pool::Pair<0x2::balance::Balance<0x2::iota::IOTA>, vector<u8>>"),
        ];
        b.MoveCall(Target("pool", "swap"), types, b.SharedObject(Pool, PoolSharedVersion, false), b.Clock(), b.PureU64(1));
        b.MoveCall(Target("pool", "touch"), s_none, b.SharedObject(Pool, PoolSharedVersion, true));
    }

    private static void ReceivingAndResults(ProgrammableTransactionBuilder b)
    {
        Argument a = b.MoveCall(Package, "box", "take", [TypeTag.U64], b.Object(Cap), b.ReceivingObject(Recv)).Nested(0);
        Argument r = b.MoveCall(Package, "box", "take_two", s_none, b.Object(Cap), b.ReceivingObject(Recv2), a);
        b.MoveCall(Package, "box", "consume", s_none, r);
    }

    private static void MakeMoveVecTyped(ProgrammableTransactionBuilder b)
    {
        Argument v = b.MakeMoveVec(TypeTag.U64, b.PureU64(1), b.PureU64(4294967296));
        Argument e = b.MakeMoveVec(TypeTag.Parse($"{Package}::box::Item<0x2::iota::IOTA>"));
        b.MoveCall(Target("box", "sum"), s_none, v, e);
    }

    private static void MakeMoveVecObjects(ProgrammableTransactionBuilder b)
    {
        Argument v = b.MakeMoveVec(null, b.Object(Owned), b.Object(Owned2));
        b.MoveCall(Target("box", "pack"), [TypeTag.Parse($"{Package}::box::Item<u8>")], v);
    }

    private static void Publish(ProgrammableTransactionBuilder b, IotaAddress alice)
    {
        Argument cap = b.Publish([ModuleA, ModuleB], [IotaAddress.Parse("0x1"), IotaAddress.Parse("0x2")]);
        b.TransferObjects([cap], b.PureAddress(alice));
    }

    private static void Upgrade(ProgrammableTransactionBuilder b)
    {
        Argument cap = b.Object(Cap);
        Argument ticket = b.MoveCall("0x2::package::authorize_upgrade", s_none, cap, b.PureU8(0), b.PureBytes(Fill(32, i => i)));
        Argument receipt = b.Upgrade([ModuleB], [IotaAddress.Parse("0x1"), IotaAddress.Parse("0x2"), Package], Package, ticket);
        b.MoveCall("0x2::package::commit_upgrade", s_none, cap, receipt);
    }
}
