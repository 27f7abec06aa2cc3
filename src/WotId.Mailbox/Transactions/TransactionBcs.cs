// BCS encoding of TransactionData and its parts, exactly as @iota/iota-sdk 1.15.1 bcs.ts and iota-types
// transaction.rs lay them out (see the layout comments on each type and the note's Part C.2).
using System;
using WotId.Mailbox.Bcs;
using WotId.Mailbox.Types;

namespace WotId.Mailbox.Transactions;

/// <summary>Encodes and decodes transaction data.</summary>
internal static partial class TransactionBcs
{
    /// <summary>BCS of <c>TransactionData::V1</c>.</summary>
    public static byte[] Encode(TransactionData tx)
    {
        var w = new BcsWriter(512);
        w.WriteUleb128(0); // TransactionData::V1
        WriteKind(w, tx.Kind);
        WriteAddress(w, tx.Sender);
        w.WriteUleb128((uint)tx.Gas.Payment.Count);
        foreach (ObjectRef r in tx.Gas.Payment)
        {
            WriteObjectRef(w, r);
        }

        WriteAddress(w, tx.Gas.Owner);
        w.WriteU64(tx.Gas.Price);
        w.WriteU64(tx.Gas.Budget);
        if (tx.ExpirationEpoch is ulong epoch)
        {
            w.WriteUleb128(1);
            w.WriteU64(epoch);
        }
        else
        {
            w.WriteUleb128(0);
        }

        return w.ToArray();
    }

    /// <summary>BCS of the <c>TransactionKind</c> alone (what dev-inspect takes).</summary>
    public static byte[] EncodeKind(ProgrammableTransaction kind)
    {
        var w = new BcsWriter(512);
        WriteKind(w, kind);
        return w.ToArray();
    }

    /// <summary>BCS of a TypeTag (used for dynamic-field IDs and type arguments).</summary>
    public static void WriteTypeTag(BcsWriter w, TypeTag t)
    {
        w.WriteUleb128((uint)t.Kind);
        if (t.Kind == TypeTagKind.Vector)
        {
            WriteTypeTag(w, t.Element!);
        }
        else if (t.Kind == TypeTagKind.Struct)
        {
            StructTag s = t.Struct!;
            WriteAddress(w, s.Address);
            w.WriteString(s.Module);
            w.WriteString(s.Name);
            w.WriteUleb128((uint)s.TypeParams.Count);
            foreach (TypeTag p in s.TypeParams)
            {
                WriteTypeTag(w, p);
            }
        }
    }

    private static void WriteKind(BcsWriter w, ProgrammableTransaction p)
    {
        w.WriteUleb128(0); // TransactionKind::ProgrammableTransaction
        w.WriteUleb128((uint)p.Inputs.Count);
        foreach (CallArg a in p.Inputs)
        {
            WriteCallArg(w, a);
        }

        w.WriteUleb128((uint)p.Commands.Count);
        foreach (Command c in p.Commands)
        {
            WriteCommand(w, c);
        }
    }

    private static void WriteCallArg(BcsWriter w, CallArg a)
    {
        switch (a.Kind)
        {
            case CallArgKind.Pure:
                w.WriteUleb128(0);
                w.WriteBytes(a.PureBytes.Span);
                break;
            case CallArgKind.ImmOrOwned:
                w.WriteUleb128(1);
                w.WriteUleb128(0);
                WriteObjectRef(w, a.Ref);
                break;
            case CallArgKind.Shared:
                w.WriteUleb128(1);
                w.WriteUleb128(1);
                WriteAddress(w, a.SharedId);
                w.WriteU64(a.InitialSharedVersion);
                w.WriteBool(a.Mutable);
                break;
            case CallArgKind.Receiving:
                w.WriteUleb128(1);
                w.WriteUleb128(2);
                WriteObjectRef(w, a.Ref);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(a));
        }
    }

    private static void WriteCommand(BcsWriter w, Command c)
    {
        switch (c)
        {
            case MoveCallCommand m:
                w.WriteUleb128(0);
                WriteAddress(w, m.Package);
                w.WriteString(m.Module);
                w.WriteString(m.Function);
                w.WriteUleb128((uint)m.TypeArguments.Count);
                foreach (TypeTag t in m.TypeArguments)
                {
                    WriteTypeTag(w, t);
                }

                WriteArguments(w, m.Arguments);
                break;
            case TransferObjectsCommand t:
                w.WriteUleb128(1);
                WriteArguments(w, t.Objects);
                WriteArgument(w, t.Address);
                break;
            case SplitCoinsCommand s:
                w.WriteUleb128(2);
                WriteArgument(w, s.Coin);
                WriteArguments(w, s.Amounts);
                break;
            case MergeCoinsCommand m:
                w.WriteUleb128(3);
                WriteArgument(w, m.Destination);
                WriteArguments(w, m.Sources);
                break;
            case PublishCommand p:
                w.WriteUleb128(4);
                WriteModules(w, p.Modules, p.Dependencies);
                break;
            case MakeMoveVecCommand v:
                w.WriteUleb128(5);
                if (v.ElementType is null)
                {
                    w.WriteU8(0);
                }
                else
                {
                    w.WriteU8(1);
                    WriteTypeTag(w, v.ElementType);
                }

                WriteArguments(w, v.Elements);
                break;
            case UpgradeCommand u:
                w.WriteUleb128(6);
                WriteModules(w, u.Modules, u.Dependencies);
                WriteAddress(w, u.Package);
                WriteArgument(w, u.Ticket);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(c));
        }
    }

    private static void WriteModules(BcsWriter w, System.Collections.Generic.IReadOnlyList<byte[]> modules, System.Collections.Generic.IReadOnlyList<IotaAddress> deps)
    {
        w.WriteUleb128((uint)modules.Count);
        foreach (byte[] m in modules)
        {
            w.WriteBytes(m);
        }

        w.WriteUleb128((uint)deps.Count);
        foreach (IotaAddress d in deps)
        {
            WriteAddress(w, d);
        }
    }

    private static void WriteArguments(BcsWriter w, System.Collections.Generic.IReadOnlyList<Argument> args)
    {
        w.WriteUleb128((uint)args.Count);
        foreach (Argument a in args)
        {
            WriteArgument(w, a);
        }
    }

    private static void WriteArgument(BcsWriter w, Argument a)
    {
        w.WriteUleb128((uint)a.Kind);
        if (a.Kind != ArgumentKind.GasCoin)
        {
            w.WriteU16(a.Index);
        }

        if (a.Kind == ArgumentKind.NestedResult)
        {
            w.WriteU16(a.SubIndex);
        }
    }

    private static void WriteObjectRef(BcsWriter w, ObjectRef r)
    {
        WriteAddress(w, r.ObjectId);
        w.WriteU64(r.Version);
        w.WriteBytes(r.Digest.Span);
    }

    private static void WriteAddress(BcsWriter w, IotaAddress a) => w.WriteFixed(a.Span);
}
