// Typed builder for the wotid_mailbox Move package (move/wotid_mailbox/sources/mailbox.move) following the PTB
// shapes of the note's Part C.5. Argument order and input order are those @iota/iota-sdk 1.15.1 produces for the
// same calls (checked byte for byte in tests/WotId.Mailbox.Tests/Vectors).
using System;
using WotId.Mailbox.Types;

namespace WotId.Mailbox.Transactions;

/// <summary>Builds the mailbox transactions for one sender and one published package.</summary>
internal sealed class MailboxTransactionBuilder
{
    public const string Module = "mailbox";
    private static readonly TypeTag[] s_noTypes = [];

    public MailboxTransactionBuilder(IotaAddress package, IotaAddress sender)
    {
        Package = package;
        Sender = sender;
    }

    public IotaAddress Package { get; }

    public IotaAddress Sender { get; }

    /// <summary>The Move type of messages, for owned-object filters: <c>pkg::mailbox::MessageObject</c>.</summary>
    public string MessageType => $"{Package}::{Module}::MessageObject";

    public TransactionData CreateMailbox(ReadOnlySpan<byte> encryptionKey, ulong maxPayloadBytes, GasConfig gas)
    {
        var b = new ProgrammableTransactionBuilder();
        b.MoveCall(Package, Module, "create_mailbox", s_noTypes, b.PureBytes(encryptionKey), b.PureU64(maxPayloadBytes));
        return Finish(b, gas);
    }

    /// <summary><c>send(&amp;Mailbox, seq, payload, &amp;Clock)</c>: the policy-checked path.</summary>
    public TransactionData Send(SharedRef mailbox, ulong seq, ReadOnlySpan<byte> payload, GasConfig gas)
    {
        var b = new ProgrammableTransactionBuilder();
        Argument m = b.SharedObject(mailbox.Id, mailbox.InitialSharedVersion, false);
        Argument s = b.PureU64(seq);
        Argument p = b.PureBytes(payload);
        b.MoveCall(Package, Module, "send", s_noTypes, m, s, p, b.Clock());
        return Finish(b, gas);
    }

    /// <summary><c>new_message(mailbox_id, seq, payload)</c> then <c>TransferObjects</c> to the mailbox address (owned path).</summary>
    public TransactionData DeliverNewMessage(IotaAddress mailboxId, ulong seq, ReadOnlySpan<byte> payload, GasConfig gas)
    {
        var b = new ProgrammableTransactionBuilder();
        Argument id = b.PureAddress(mailboxId);
        Argument s = b.PureU64(seq);
        Argument msg = b.MoveCall(Package, Module, "new_message", s_noTypes, id, s, b.PureBytes(payload));
        b.TransferObjects([First(msg)], b.PureAddress(mailboxId));
        return Finish(b, gas);
    }

    public TransactionData ClaimMessage(SharedRef mailbox, ObjectRef cap, ObjectRef message, GasConfig gas) =>
        CapCall("claim_message", mailbox, true, cap, gas, b => b.ReceivingObject(message));

    public TransactionData ReceiveAndDelete(SharedRef mailbox, ObjectRef cap, ObjectRef message, GasConfig gas) =>
        CapCall("receive_and_delete", mailbox, true, cap, gas, b => b.ReceivingObject(message));

    public TransactionData DeleteMessage(SharedRef mailbox, ObjectRef cap, IotaAddress messageId, GasConfig gas) =>
        CapCall("delete_message", mailbox, true, cap, gas, b => b.PureAddress(messageId));

    /// <summary><c>read_message(&amp;Mailbox, &amp;Cap, id): vector&lt;u8&gt;</c>, for dev-inspect (reads need no signature).</summary>
    public TransactionData ReadMessage(SharedRef mailbox, ObjectRef cap, IotaAddress messageId, GasConfig gas) =>
        CapCall("read_message", mailbox, false, cap, gas, b => b.PureAddress(messageId));

    public TransactionData BlockSender(SharedRef mailbox, ObjectRef cap, IotaAddress sender, GasConfig gas) =>
        CapCall("block_sender", mailbox, true, cap, gas, b => b.PureAddress(sender));

    public TransactionData UnblockSender(SharedRef mailbox, ObjectRef cap, IotaAddress sender, GasConfig gas) =>
        CapCall("unblock_sender", mailbox, true, cap, gas, b => b.PureAddress(sender));

    /// <summary><c>set_policy(&amp;mut Mailbox, &amp;Cap, key, max)</c>: emits <c>PolicyChanged</c>.</summary>
    public TransactionData SetPolicy(SharedRef mailbox, ObjectRef cap, ReadOnlySpan<byte> encryptionKey, ulong maxPayloadBytes, GasConfig gas)
    {
        var b = new ProgrammableTransactionBuilder();
        Argument m = b.SharedObject(mailbox.Id, mailbox.InitialSharedVersion, true);
        Argument c = b.Object(cap);
        b.MoveCall(Package, Module, "set_policy", s_noTypes, m, c, b.PureBytes(encryptionKey), b.PureU64(maxPayloadBytes));
        return Finish(b, gas);
    }

    /// <summary><c>rotate_cap(&amp;mut Mailbox, &amp;Cap, new_owner)</c>: a new cap for <paramref name="newOwner"/>; this one is revoked.</summary>
    public TransactionData RotateCap(SharedRef mailbox, ObjectRef cap, IotaAddress newOwner, GasConfig gas) =>
        CapCall("rotate_cap", mailbox, true, cap, gas, b => b.PureAddress(newOwner));

    /// <summary><c>migrate(&amp;mut Mailbox, &amp;Cap)</c>: brings an older mailbox to the package's layout version.</summary>
    public TransactionData Migrate(SharedRef mailbox, ObjectRef cap, GasConfig gas)
    {
        var b = new ProgrammableTransactionBuilder();
        Argument m = b.SharedObject(mailbox.Id, mailbox.InitialSharedVersion, true);
        b.MoveCall(Package, Module, "migrate", s_noTypes, m, b.Object(cap));
        return Finish(b, gas);
    }

    /// <summary><c>withdraw_object&lt;T&gt;</c> of a stray object, then transfer it to <paramref name="recipient"/>.</summary>
    public TransactionData WithdrawObject(SharedRef mailbox, ObjectRef cap, TypeTag objectType, ObjectRef stray, IotaAddress recipient, GasConfig gas)
    {
        var b = new ProgrammableTransactionBuilder();
        Argument m = b.SharedObject(mailbox.Id, mailbox.InitialSharedVersion, true);
        Argument c = b.Object(cap);
        Argument o = b.MoveCall(Package, Module, "withdraw_object", [objectType], m, c, b.ReceivingObject(stray));
        b.TransferObjects([First(o)], b.PureAddress(recipient));
        return Finish(b, gas);
    }

    /// <summary>Pays <paramref name="amount"/> NANOS from the gas coin to <paramref name="recipient"/>.</summary>
    public TransactionData TransferIota(ulong amount, IotaAddress recipient, GasConfig gas)
    {
        var b = new ProgrammableTransactionBuilder();
        Argument[] coins = b.SplitCoins(Argument.GasCoin, b.PureU64(amount));
        b.TransferObjects([coins[0]], b.PureAddress(recipient));
        return Finish(b, gas);
    }

    internal TransactionData Finish(ProgrammableTransactionBuilder b, GasConfig gas) =>
        new(b.Build(), Sender, new GasData(gas.Payment, gas.Sponsor ?? Sender, gas.Price, gas.Budget), gas.ExpirationEpoch);

    // The SDK idiom `const [x] = tx.moveCall(...)` refers to the single return value as NestedResult(i, 0).
    private static Argument First(Argument result) => Argument.NestedResult(result.Index, 0);

    private TransactionData CapCall(string function, SharedRef mailbox, bool mutable, ObjectRef cap, GasConfig gas, Func<ProgrammableTransactionBuilder, Argument> last)
    {
        var b = new ProgrammableTransactionBuilder();
        Argument m = b.SharedObject(mailbox.Id, mailbox.InitialSharedVersion, mutable);
        Argument c = b.Object(cap);
        b.MoveCall(Package, Module, function, s_noTypes, m, c, last(b));
        return Finish(b, gas);
    }
}
