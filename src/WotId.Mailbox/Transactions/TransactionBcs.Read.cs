// Decoder for the layouts written by TransactionBcs.cs. Bounds follow the protocol limits (note Part A.8):
// 2048 inputs, 1024 commands, 512 arguments per call, 16 type arguments and depth 16, 256 gas coins,
// 128 KiB transaction. Anything else is a BcsFormatException.
using System.Collections.Generic;
using WotId.Mailbox.Bcs;
using WotId.Mailbox.Types;

namespace WotId.Mailbox.Transactions;

/// <summary>Decoder half of <see cref="TransactionBcs"/>.</summary>
internal static partial class TransactionBcs
{
    public const int MaxTransactionBytes = 128 * 1024;
    private const int MaxInputs = 2048;
    private const int MaxCommands = 1024;
    private const int MaxArguments = 512;
    private const int MaxTypeArguments = 16;
    private const int MaxGasObjects = 256;
    private const int MaxIdentifier = 128;
    private const int MaxModules = 1024;

    /// <summary>Decodes <c>TransactionData</c>; throws only <see cref="BcsFormatException"/>.</summary>
    public static TransactionData Decode(System.ReadOnlySpan<byte> bytes)
    {
        var r = new BcsReader(bytes);
        if (bytes.Length > MaxTransactionBytes)
        {
            throw r.Fail(BcsError.LengthOutOfRange, "transaction larger than 128 KiB");
        }

        r.ReadVariant(1, "TransactionData");
        ProgrammableTransaction kind = ReadKind(ref r);
        IotaAddress sender = ReadAddress(ref r);
        int n = r.ReadLength(MaxGasObjects, 73);
        var payment = new List<ObjectRef>(n);
        for (int i = 0; i < n; i++)
        {
            payment.Add(ReadObjectRef(ref r));
        }

        IotaAddress owner = ReadAddress(ref r);
        ulong price = r.ReadU64();
        ulong budget = r.ReadU64();
        ulong? epoch = r.ReadVariant(2, "TransactionExpiration") == 1 ? r.ReadU64() : null;
        r.EnsureEnd();
        return new TransactionData(kind, sender, new GasData(payment, owner, price, budget), epoch);
    }

    /// <summary>Decodes a <c>TransactionKind</c> (programmable transactions only).</summary>
    public static ProgrammableTransaction DecodeKind(System.ReadOnlySpan<byte> bytes)
    {
        var r = new BcsReader(bytes);
        ProgrammableTransaction p = ReadKind(ref r);
        r.EnsureEnd();
        return p;
    }

    private static ProgrammableTransaction ReadKind(ref BcsReader r)
    {
        int tag = r.ReadVariant(6, "TransactionKind");
        if (tag != 0)
        {
            throw r.Fail(BcsError.UnknownVariant, "only ProgrammableTransaction is supported, got kind " + tag);
        }

        int n = r.ReadLength(MaxInputs, 2);
        var inputs = new List<CallArg>(n);
        for (int i = 0; i < n; i++)
        {
            inputs.Add(ReadCallArg(ref r));
        }

        int m = r.ReadLength(MaxCommands, 2);
        var commands = new List<Command>(m);
        for (int i = 0; i < m; i++)
        {
            commands.Add(ReadCommand(ref r));
        }

        return new ProgrammableTransaction(inputs, commands);
    }

    private static CallArg ReadCallArg(ref BcsReader r)
    {
        if (r.ReadVariant(2, "CallArg") == 0)
        {
            return CallArg.Pure(r.ReadBytes(MaxTransactionBytes));
        }

        return r.ReadVariant(3, "ObjectArg") switch
        {
            0 => CallArg.ImmOrOwned(ReadObjectRef(ref r)),
            1 => CallArg.Shared(ReadAddress(ref r), r.ReadU64(), r.ReadBool()),
            _ => CallArg.Receiving(ReadObjectRef(ref r)),
        };
    }

    private static Command ReadCommand(ref BcsReader r)
    {
        switch (r.ReadVariant(7, "Command"))
        {
            case 0:
                IotaAddress package = ReadAddress(ref r);
                string module = r.ReadString(MaxIdentifier);
                string function = r.ReadString(MaxIdentifier);
                int tn = r.ReadLength(MaxTypeArguments);
                var types = new List<TypeTag>(tn);
                for (int i = 0; i < tn; i++)
                {
                    types.Add(ReadTypeTag(ref r, 0));
                }

                return new MoveCallCommand(package, module, function, types, ReadArguments(ref r));
            case 1:
                List<Argument> objects = ReadArguments(ref r);
                return new TransferObjectsCommand(objects, ReadArgument(ref r));
            case 2:
                Argument coin = ReadArgument(ref r);
                return new SplitCoinsCommand(coin, ReadArguments(ref r));
            case 3:
                Argument dest = ReadArgument(ref r);
                return new MergeCoinsCommand(dest, ReadArguments(ref r));
            case 4:
                (List<byte[]> mods, List<IotaAddress> deps) = ReadModules(ref r);
                return new PublishCommand(mods, deps);
            case 5:
                TypeTag? element = r.ReadVariant(2, "Option<TypeTag>") == 1 ? ReadTypeTag(ref r, 0) : null;
                return new MakeMoveVecCommand(element, ReadArguments(ref r));
            default:
                (List<byte[]> umods, List<IotaAddress> udeps) = ReadModules(ref r);
                IotaAddress upkg = ReadAddress(ref r);
                return new UpgradeCommand(umods, udeps, upkg, ReadArgument(ref r));
        }
    }

    private static (List<byte[]> Modules, List<IotaAddress> Deps) ReadModules(ref BcsReader r)
    {
        int n = r.ReadLength(MaxModules);
        var mods = new List<byte[]>(n);
        for (int i = 0; i < n; i++)
        {
            mods.Add(r.ReadBytes(MaxTransactionBytes));
        }

        int d = r.ReadLength(MaxModules, 32);
        var deps = new List<IotaAddress>(d);
        for (int i = 0; i < d; i++)
        {
            deps.Add(ReadAddress(ref r));
        }

        return (mods, deps);
    }

    internal static TypeTag ReadTypeTag(ref BcsReader r, int depth)
    {
        if (depth > TypeTag.MaxDepth)
        {
            throw r.Fail(BcsError.TooDeep, "type tag nesting");
        }

        var kind = (TypeTagKind)r.ReadVariant(11, "TypeTag");
        if (kind == TypeTagKind.Vector)
        {
            return TypeTag.Vector(ReadTypeTag(ref r, depth + 1));
        }

        if (kind != TypeTagKind.Struct)
        {
            return TypeTag.Primitive(kind);
        }

        IotaAddress address = ReadAddress(ref r);
        string module = r.ReadString(MaxIdentifier);
        string name = r.ReadString(MaxIdentifier);
        int n = r.ReadLength(MaxTypeArguments);
        var args = new List<TypeTag>(n);
        for (int i = 0; i < n; i++)
        {
            args.Add(ReadTypeTag(ref r, depth + 1));
        }

        return TypeTag.Of(new StructTag(address, module, name, args));
    }

    private static List<Argument> ReadArguments(ref BcsReader r)
    {
        int n = r.ReadLength(MaxArguments);
        var list = new List<Argument>(n);
        for (int i = 0; i < n; i++)
        {
            list.Add(ReadArgument(ref r));
        }

        return list;
    }

    private static Argument ReadArgument(ref BcsReader r) => (ArgumentKind)r.ReadVariant(4, "Argument") switch
    {
        ArgumentKind.GasCoin => Argument.GasCoin,
        ArgumentKind.Input => new Argument(ArgumentKind.Input, r.ReadU16()),
        ArgumentKind.Result => new Argument(ArgumentKind.Result, r.ReadU16()),
        _ => new Argument(ArgumentKind.NestedResult, r.ReadU16(), r.ReadU16()),
    };

    private static ObjectRef ReadObjectRef(ref BcsReader r)
    {
        IotaAddress id = ReadAddress(ref r);
        ulong version = r.ReadU64();
        int len = r.ReadLength(ObjectDigest.Length);
        if (len != ObjectDigest.Length)
        {
            throw r.Fail(BcsError.InvalidFixedLength, "object digest must be 32 bytes, got " + len);
        }

        return new ObjectRef(id, version, new ObjectDigest(r.ReadFixed(ObjectDigest.Length)));
    }

    private static IotaAddress ReadAddress(ref BcsReader r) => new(r.ReadFixed(IotaAddress.Length));
}
