// Programmable transaction builder with the input rules of @iota/iota-sdk 1.15.1 (Transaction.ts, TransactionData.ts):
// inputs are appended in creation order; object inputs are de-duplicated by object ID and a shared object used
// twice becomes one input with mutable = mutable1 || mutable2. Pure inputs are never de-duplicated.
// Commands: iota-types transaction.rs "Command"; the Move-call target text is "package::module::function".
using System;
using System.Collections.Generic;
using System.Numerics;
using WotId.Mailbox.Types;

namespace WotId.Mailbox.Transactions;

/// <summary>
/// Collects the inputs and commands of one programmable transaction. Each input method returns the
/// <see cref="Argument"/> that refers to it; each command returns its result (or its elements).
/// </summary>
public sealed partial class ProgrammableTransactionBuilder
{
    private readonly List<CallArg> _inputs = new();
    private readonly List<Command> _commands = new();

    /// <summary>The gas coin, as commands refer to it (<c>tx.gas</c> in the SDK).</summary>
    public static Argument Gas => Argument.GasCoin;

    /// <summary>Inputs added so far.</summary>
    public IReadOnlyList<CallArg> Inputs => _inputs;

    /// <summary>Commands added so far.</summary>
    public IReadOnlyList<Command> Commands => _commands;

    /// <summary>Adds an input as is (object inputs are de-duplicated by ID like the SDK does).</summary>
    /// <param name="input">The input.</param>
    /// <returns>The argument referring to it.</returns>
    public Argument Input(CallArg input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return input.Kind == CallArgKind.Pure ? Add(input) : AddObject(input);
    }

    /// <summary>A pure input holding <paramref name="bcs"/>, the value's own BCS bytes.</summary>
    /// <param name="bcs">The BCS bytes.</param>
    /// <returns>The argument.</returns>
    public Argument Pure(ReadOnlySpan<byte> bcs) => Add(CallArg.Pure(bcs));

    /// <summary>A pure input of Move type <paramref name="type"/> (see <see cref="PureValue.Encode"/>).</summary>
    /// <param name="type">The Move type, for example <c>vector&lt;u64&gt;</c> or <c>0x1::option::Option&lt;u8&gt;</c>.</param>
    /// <param name="value">The value.</param>
    /// <returns>The argument.</returns>
    public Argument Pure(TypeTag type, object? value) => Pure(PureValue.Encode(type, value));

    /// <summary>A pure input of the Move type written as text (see <see cref="PureValue.Encode"/>).</summary>
    /// <param name="type">The Move type text, for example <c>vector&lt;u64&gt;</c>.</param>
    /// <param name="value">The value.</param>
    /// <returns>The argument.</returns>
    public Argument Pure(string type, object? value) => Pure(TypeTag.Parse(type), value);

    /// <summary>A pure <c>bool</c>.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The argument.</returns>
    public Argument PureBool(bool value) => Pure([value ? (byte)1 : (byte)0]);

    /// <summary>A pure <c>u8</c>.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The argument.</returns>
    public Argument PureU8(byte value) => Pure(TypeTag.U8, value);

    /// <summary>A pure <c>u16</c>.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The argument.</returns>
    public Argument PureU16(ushort value) => Pure(TypeTag.U16, value);

    /// <summary>A pure <c>u32</c>.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The argument.</returns>
    public Argument PureU32(uint value) => Pure(TypeTag.U32, value);

    /// <summary>A pure <c>u64</c>.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The argument.</returns>
    public Argument PureU64(ulong value) => Pure(TypeTag.U64, value);

    /// <summary>A pure <c>u128</c>.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The argument.</returns>
    public Argument PureU128(UInt128 value) => Pure(TypeTag.U128, value);

    /// <summary>A pure <c>u256</c>.</summary>
    /// <param name="value">The value, 0 to 2^256 - 1.</param>
    /// <returns>The argument.</returns>
    public Argument PureU256(BigInteger value) => Pure(TypeTag.U256, value);

    /// <summary>A pure <c>address</c>.</summary>
    /// <param name="value">The address.</param>
    /// <returns>The argument.</returns>
    public Argument PureAddress(IotaAddress value) => Pure(value.Span);

    /// <summary>A pure <c>0x2::object::ID</c> (same bytes as an address).</summary>
    /// <param name="value">The object ID.</param>
    /// <returns>The argument.</returns>
    public Argument PureId(IotaAddress value) => Pure(value.Span);

    /// <summary>A pure <c>0x1::string::String</c> (UTF-8).</summary>
    /// <param name="value">The string.</param>
    /// <returns>The argument.</returns>
    public Argument PureString(string value) => Pure(TypeTag.Parse("0x1::string::String"), value);

    /// <summary>A pure <c>vector&lt;u8&gt;</c> (length-prefixed inside the pure bytes).</summary>
    /// <param name="value">The bytes.</param>
    /// <returns>The argument.</returns>
    public Argument PureBytes(ReadOnlySpan<byte> value) => Pure(TypeTag.Vector(TypeTag.U8), value.ToArray());

    /// <summary>An owned or immutable object input (<c>ImmOrOwnedObject</c>).</summary>
    /// <param name="reference">Its current reference.</param>
    /// <returns>The argument.</returns>
    public Argument Object(ObjectRef reference) => AddObject(CallArg.ImmOrOwned(reference));

    /// <summary>A shared object input; used twice, it is one input, mutable if either use was.</summary>
    /// <param name="id">The object ID.</param>
    /// <param name="initialSharedVersion">The version at which it became shared.</param>
    /// <param name="mutable">True when taken by <c>&amp;mut</c> or by value.</param>
    /// <returns>The argument.</returns>
    public Argument SharedObject(IotaAddress id, ulong initialSharedVersion, bool mutable) =>
        AddObject(CallArg.Shared(id, initialSharedVersion, mutable));

    /// <summary>An object sent to another object, received by a <c>Receiving&lt;T&gt;</c> parameter.</summary>
    /// <param name="reference">Its current reference.</param>
    /// <returns>The argument.</returns>
    public Argument ReceivingObject(ObjectRef reference) => AddObject(CallArg.Receiving(reference));

    /// <summary>The Clock <c>0x6</c>, shared at version 1, immutable.</summary>
    /// <returns>The argument.</returns>
    public Argument Clock() => SharedObject(IotaAddress.Clock, 1, false);

    /// <summary>The programmable transaction built so far.</summary>
    /// <returns>A snapshot; the builder can keep going.</returns>
    public ProgrammableTransaction Build() => new(_inputs.ToArray(), _commands.ToArray());

    /// <summary>The full transaction data.</summary>
    /// <param name="sender">The sender.</param>
    /// <param name="gas">Gas coins, owner (the sender, or a sponsor), price and budget.</param>
    /// <param name="expirationEpoch">Null for no expiration, else the last epoch in which it may run.</param>
    /// <returns>The transaction.</returns>
    public TransactionData Build(IotaAddress sender, GasData gas, ulong? expirationEpoch = null) =>
        new(Build(), sender, gas, expirationEpoch);

    private Argument Add(CallArg arg)
    {
        _inputs.Add(arg);
        return Argument.Input(_inputs.Count - 1);
    }

    private Argument AddObject(CallArg arg)
    {
        for (int i = 0; i < _inputs.Count; i++)
        {
            CallArg existing = _inputs[i];
            if (existing.ObjectId is IotaAddress id && id == arg.ObjectId)
            {
                if (existing.Kind == CallArgKind.Shared && arg.Kind == CallArgKind.Shared && arg.Mutable && !existing.Mutable)
                {
                    _inputs[i] = existing.WithMutable(true);
                }

                return Argument.Input(i);
            }
        }

        return Add(arg);
    }
}
