// BCS of pure Move values, the schemas of the SDK's tx.pure(type, value) (transactions/pure.ts, bcs/pure.ts):
// integers little-endian at their width (u256: 32 bytes), bool 0/1, address/ID 32 bytes, vector<T> ULEB128 length
// then elements, 0x1::string::String and 0x1::ascii::String as vector<u8> of UTF-8 (ASCII), 0x1::option::Option<T>
// as a vector of length 0 or 1 (BCS of Move Option).
using System;
using System.Collections;
using System.Globalization;
using System.Numerics;
using System.Text;
using WotId.Mailbox.Bcs;
using WotId.Mailbox.Types;

namespace WotId.Mailbox.Transactions;

/// <summary>Encodes .NET values as the BCS of pure Move values, for <see cref="CallArg.Pure"/> inputs.</summary>
public static class PureValue
{
    private static readonly BigInteger s_u256Max = (BigInteger.One << 256) - 1;

    /// <summary>
    /// Encodes <paramref name="value"/> as the Move type <paramref name="type"/>. Integers accept any .NET integer
    /// type or <see cref="BigInteger"/> in range; <c>address</c> and <c>0x2::object::ID</c> accept
    /// <see cref="IotaAddress"/> or its text; <c>vector&lt;T&gt;</c> accepts any <see cref="IEnumerable"/> (and
    /// <c>byte[]</c> for <c>vector&lt;u8&gt;</c>); <c>0x1::string::String</c> and <c>0x1::ascii::String</c> accept a
    /// string; <c>0x1::option::Option&lt;T&gt;</c> accepts null (none) or a value of T.
    /// </summary>
    /// <param name="type">A pure type (primitives, vectors, strings, options, IDs).</param>
    /// <param name="value">The value.</param>
    /// <returns>The BCS bytes.</returns>
    /// <exception cref="ArgumentException">The type is not pure, or the value does not fit it.</exception>
    public static byte[] Encode(TypeTag type, object? value)
    {
        ArgumentNullException.ThrowIfNull(type);
        var w = new BcsWriter(64);
        Write(w, type, value, 0);
        return w.ToArray();
    }

    private static void Write(BcsWriter w, TypeTag type, object? value, int depth)
    {
        if (depth > TypeTag.MaxDepth)
        {
            throw new ArgumentException("pure value nested deeper than " + TypeTag.MaxDepth);
        }

        switch (type.Kind)
        {
            case TypeTagKind.Bool:
                w.WriteBool(value as bool? ?? throw Mismatch(type, value));
                break;
            case TypeTagKind.U8:
                w.WriteU8((byte)Integer(type, value, byte.MaxValue));
                break;
            case TypeTagKind.U16:
                w.WriteU16((ushort)Integer(type, value, ushort.MaxValue));
                break;
            case TypeTagKind.U32:
                w.WriteU32((uint)Integer(type, value, uint.MaxValue));
                break;
            case TypeTagKind.U64:
                w.WriteU64((ulong)Integer(type, value, ulong.MaxValue));
                break;
            case TypeTagKind.U128:
                w.WriteU128((UInt128)Integer(type, value, UInt128.MaxValue));
                break;
            case TypeTagKind.U256:
                w.WriteU256(Integer(type, value, s_u256Max));
                break;
            case TypeTagKind.Address:
                w.WriteFixed(Address(type, value).Span);
                break;
            case TypeTagKind.Vector:
                WriteVector(w, type, value, depth);
                break;
            case TypeTagKind.Struct:
                WriteStruct(w, type, value, depth);
                break;
            default:
                throw new ArgumentException($"{type} is not a pure type");
        }
    }

    private static void WriteVector(BcsWriter w, TypeTag type, object? value, int depth)
    {
        if (value is byte[] bytes && type.Element!.Kind == TypeTagKind.U8)
        {
            w.WriteBytes(bytes);
            return;
        }

        if (value is not IEnumerable items || value is string)
        {
            throw Mismatch(type, value);
        }

        var body = new BcsWriter(64);
        uint count = 0;
        foreach (object? item in items)
        {
            Write(body, type.Element!, item, depth + 1);
            count++;
        }

        w.WriteUleb128(count);
        w.WriteFixed(body.WrittenSpan);
    }

    private static void WriteStruct(BcsWriter w, TypeTag type, object? value, int depth)
    {
        StructTag s = type.Struct!;
        string name = $"{s.Address.ToString().TrimStart('0', 'x').TrimStart('0')}::{s.Module}::{s.Name}";
        switch (name)
        {
            case "1::string::String" when s.TypeParams.Count == 0:
                w.WriteString(value as string ?? throw Mismatch(type, value));
                break;
            case "1::ascii::String" when s.TypeParams.Count == 0:
                string ascii = value as string ?? throw Mismatch(type, value);
                w.WriteString(Ascii.IsValid(ascii) ? ascii : throw new ArgumentException("0x1::ascii::String takes ASCII only"));
                break;
            case "2::object::ID" when s.TypeParams.Count == 0:
                w.WriteFixed(Address(type, value).Span);
                break;
            case "1::option::Option" when s.TypeParams.Count == 1:
                if (value is null)
                {
                    w.WriteU8(0);
                }
                else
                {
                    w.WriteU8(1);
                    Write(w, s.TypeParams[0], value, depth + 1);
                }

                break;
            default:
                throw new ArgumentException($"{type} is not a pure type (only String, ascii::String, ID and Option are)");
        }
    }

    private static BigInteger Integer(TypeTag type, object? value, BigInteger max)
    {
        BigInteger v = value switch
        {
            byte b => b,
            sbyte b => b,
            short s => s,
            ushort s => s,
            int i => i,
            uint i => i,
            long l => l,
            ulong l => l,
            UInt128 l => l,
            BigInteger bi => bi,
            string text when BigInteger.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out BigInteger parsed) => parsed,
            _ => throw Mismatch(type, value),
        };
        return v >= 0 && v <= max ? v : throw new ArgumentException($"{v} is out of range for {type}");
    }

    private static IotaAddress Address(TypeTag type, object? value) => value switch
    {
        IotaAddress a => a,
        string s when IotaAddress.TryParse(s, out IotaAddress a) => a,
        _ => throw Mismatch(type, value),
    };

    private static ArgumentException Mismatch(TypeTag type, object? value) =>
        new($"a {value?.GetType().Name ?? "null"} value cannot be encoded as {type}");
}
