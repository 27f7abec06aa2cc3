// The twelve mailbox transactions of interop/mailbox/vectors.mjs (issue 13: a new user could express only 3 of the
// reference transactions through the public API) rebuilt here with ProgrammableTransactionBuilder alone, following
// the SDK calls of that script one by one; bytes, digests and signatures must match the SDK's.
using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using WotId.Mailbox.Signing;
using WotId.Mailbox.Transactions;
using WotId.Mailbox.Types;
using static WotId.Mailbox.PublicApi.Tests.PublicInputs;

namespace WotId.Mailbox.PublicApi.Tests;

public sealed class MailboxShapesTests
{
    private static readonly IotaAddress s_mailbox = Id(0xb2);
    private static readonly ObjectRef s_cap = Ref(0xc3, 5000000000, 0x33);
    private static readonly ObjectRef s_msg = Ref(0xe5, 4294967296, 0x55);
    private static readonly ObjectRef s_stray = Ref(0xf6, 7, 0x66);
    private static readonly ObjectRef s_coinB = Ref(0x17, ulong.MaxValue, 0x77);
    private static readonly ObjectRef s_coinC = Ref(0x18, 1, 0x78);
    private static readonly ObjectRef s_gas = Ref(0xd4, 4295000123, 0x44);
    private static readonly ObjectRef s_sponsorGas = Ref(0xd5, 9, 0x45);
    private static readonly TypeTag[] s_none = [];

    public static TheoryData<string> Cases => new(
        "create_mailbox", "mailbox_send", "mailbox_claim_message", "receive_and_delete", "delete_message", "read_message",
        "block_sender", "deliver_new_message_tto", "transfer_iota", "merge_and_split", "withdraw_foreign_object", "sponsored_send");

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task MailboxTransactionsBuiltThroughThePublicApiMatchTheSdk(string name)
    {
        JsonElement expected = (await PublicApiOracle.GetAsync(PublicApiOracle.MailboxScript)).GetProperty("transactions").GetProperty(name);
        using IotaKeyPair alice = Alice();
        using IotaKeyPair bob = Bob();
        TransactionData tx = Build(name, alice.Address, bob.Address);

        Assert.Equal(expected.GetProperty("txBytes").GetString(), Hex(tx.ToBcs()));
        Assert.Equal(expected.GetProperty("kindBytes").GetString(), Hex(tx.Kind.ToBcs()));
        Assert.Equal(expected.GetProperty("digest").GetString(), tx.GetDigest().ToString());
        var signatures = new List<string> { alice.SignTransaction(tx) };
        if (tx.IsSponsored)
        {
            signatures.Add(bob.SignTransaction(tx));
        }

        Assert.Equal(expected.GetProperty("signatures").EnumerateArray().Select(e => e.GetString()!), signatures);
    }

    private static ObjectRef Ref(byte id, ulong version, byte digest) => new(Id(id), version, new ObjectDigest(Fill(32, _ => digest)));

    private static TransactionData Build(string name, IotaAddress alice, IotaAddress bob)
    {
        var b = new ProgrammableTransactionBuilder();
        var gas = new GasData([s_gas], alice, 1000, 5_000_000);
        Argument Mailbox(bool mutable) => b.SharedObject(s_mailbox, 4294967397, mutable);
        Argument Call(string function, params Argument[] args) => b.MoveCall(Package, "mailbox", function, s_none, args);
        switch (name)
        {
            case "create_mailbox": Call("create_mailbox", b.PureBytes(Fill(32, _ => 0x55)), b.PureU64(4096)); break;
            case "mailbox_send": Send(b, Call, Mailbox); break;
            case "mailbox_claim_message": Call("claim_message", Mailbox(true), b.Object(s_cap), b.ReceivingObject(s_msg)); break;
            case "receive_and_delete": Call("receive_and_delete", Mailbox(true), b.Object(s_cap), b.ReceivingObject(s_msg)); break;
            case "delete_message": Call("delete_message", Mailbox(true), b.Object(s_cap), b.PureId(s_msg.ObjectId)); break;
            case "read_message": Call("read_message", Mailbox(false), b.Object(s_cap), b.PureId(s_msg.ObjectId)); break;
            case "block_sender": Call("block_sender", Mailbox(true), b.Object(s_cap), b.PureAddress(bob)); break;
            case "deliver_new_message_tto":
                Argument m = Call("new_message", b.PureId(s_mailbox), b.PureU64(7), b.PureBytes(Fill(200, i => 255 - i))).Nested(0);
                b.TransferObjects([m], b.PureAddress(s_mailbox));
                return b.Build(alice, gas, expirationEpoch: 1234);
            case "transfer_iota":
                Argument[] c = b.SplitCoins(ProgrammableTransactionBuilder.Gas, b.PureU64(1_000_000_000));
                b.TransferObjects([c[0]], b.PureAddress(bob));
                break;
            case "merge_and_split":
                b.MergeCoins(b.Object(s_coinB), b.Object(s_coinC));
                Argument[] coins = b.SplitCoins(b.Object(s_coinB), b.PureU64(5), b.PureU64(4294967297));
                b.TransferObjects([coins[1], coins[0]], b.PureAddress(bob));
                break;
            case "withdraw_foreign_object":
                Argument o = b.MoveCall(Package, "mailbox", "withdraw_object", [TypeTag.Parse("0x2::coin::Coin<0x2::iota::IOTA>")],
                    Mailbox(true), b.Object(s_cap), b.ReceivingObject(s_stray)).Nested(0);
                b.TransferObjects([o], b.PureAddress(alice));
                break;
            case "sponsored_send":
                Send(b, Call, Mailbox);
                return b.Build(alice, new GasData([s_sponsorGas], bob, 1000, 5_000_000_000));
            default: throw new ArgumentOutOfRangeException(nameof(name));
        }

        return b.Build(alice, gas);
    }

    private static void Send(ProgrammableTransactionBuilder b, Func<string, Argument[], Argument> call, Func<bool, Argument> mailbox) =>
        call("send", [mailbox(false), b.PureU64(4294967301), b.PureBytes(Fill(300, i => (i * 7) + 3)), b.Clock()]);
}
