// Programmable transaction builder with the input rules of @iota/iota-sdk 1.15.1 (Transaction.ts, TransactionData.ts):
// inputs are appended in creation order; object inputs are de-duplicated by object ID and a shared object used
// twice becomes one input with mutable = mutable1 || mutable2. Pure inputs are never de-duplicated.
using System;
using System.Collections.Generic;
using WotId.Mailbox.Bcs;
using WotId.Mailbox.Types;

namespace WotId.Mailbox.Transactions;

/// <summary>Collects inputs and commands of one programmable transaction.</summary>
internal sealed class PtbBuilder
{
    private readonly List<CallArg> _inputs = new();
    private readonly List<Command> _commands = new();

    /// <summary>A pure input holding <paramref name="bcs"/> (the value's own BCS).</summary>
    public Argument Pure(ReadOnlySpan<byte> bcs) => Add(CallArg.Pure(bcs));

    public Argument PureU64(ulong value)
    {
        var w = new BcsWriter(8);
        w.WriteU64(value);
        return Pure(w.WrittenSpan);
    }

    public Argument PureAddress(IotaAddress value) => Pure(value.Span);

    public Argument PureBool(bool value) => Pure([value ? (byte)1 : (byte)0]);

    /// <summary>A <c>vector&lt;u8&gt;</c> pure input (length-prefixed inside the pure bytes).</summary>
    public Argument PureBytes(ReadOnlySpan<byte> value)
    {
        var w = new BcsWriter(value.Length + 5);
        w.WriteBytes(value);
        return Pure(w.WrittenSpan);
    }

    public Argument OwnedObject(ObjectRef r) => AddObject(CallArg.ImmOrOwned(r));

    public Argument ReceivingObject(ObjectRef r) => AddObject(CallArg.Receiving(r));

    public Argument SharedObject(IotaAddress id, ulong initialSharedVersion, bool mutable) =>
        AddObject(CallArg.Shared(id, initialSharedVersion, mutable));

    /// <summary>The Clock <c>0x6</c>, shared at version 1, immutable.</summary>
    public Argument Clock() => SharedObject(IotaAddress.Clock, 1, false);

    public Argument MoveCall(IotaAddress package, string module, string function, IReadOnlyList<TypeTag> typeArguments, params Argument[] arguments)
    {
        _commands.Add(new MoveCallCommand(package, module, function, typeArguments, arguments));
        return Argument.Result(_commands.Count - 1);
    }

    public void TransferObjects(IReadOnlyList<Argument> objects, Argument address) =>
        _commands.Add(new TransferObjectsCommand(objects, address));

    /// <summary>Splits coins; element <c>i</c> of the result is <c>NestedResult(cmd, i)</c>.</summary>
    public Argument[] SplitCoins(Argument coin, params Argument[] amounts)
    {
        _commands.Add(new SplitCoinsCommand(coin, amounts));
        int cmd = _commands.Count - 1;
        var result = new Argument[amounts.Length];
        for (int i = 0; i < amounts.Length; i++)
        {
            result[i] = Argument.NestedResult(cmd, i);
        }

        return result;
    }

    public void MergeCoins(Argument destination, params Argument[] sources) =>
        _commands.Add(new MergeCoinsCommand(destination, sources));

    public Argument MakeMoveVec(TypeTag? elementType, params Argument[] elements)
    {
        _commands.Add(new MakeMoveVecCommand(elementType, elements));
        return Argument.Result(_commands.Count - 1);
    }

    public ProgrammableTransaction Finish() => new(_inputs.ToArray(), _commands.ToArray());

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
