// Move TypeTag / StructTag (iota-types type_input / move-core-types language_storage):
// enum TypeTag { 0 bool, 1 u8, 2 u64, 3 u128, 4 address, 5 signer, 6 vector(TypeTag), 7 struct(StructTag), 8 u16, 9 u32, 10 u256 }.
// Text form parsed here: "u64", "vector<u8>", "0x2::coin::Coin<0x2::iota::IOTA>" (max depth 16, max_type_arguments 16).
using System;
using System.Collections.Generic;
using System.Linq;
using WotId.Mailbox.Types;

namespace WotId.Mailbox.Transactions;

/// <summary>BCS variant indexes of <see cref="TypeTag"/>.</summary>
internal enum TypeTagKind
{
    Bool = 0,
    U8 = 1,
    U64 = 2,
    U128 = 3,
    Address = 4,
    Signer = 5,
    Vector = 6,
    Struct = 7,
    U16 = 8,
    U32 = 9,
    U256 = 10,
}

/// <summary>A Move type: a primitive, a vector of a type, or a struct with type parameters.</summary>
internal sealed record TypeTag(TypeTagKind Kind, TypeTag? Element = null, StructTag? Struct = null)
{
    public const int MaxDepth = 16;

    private static readonly Dictionary<string, TypeTagKind> s_primitives = new(StringComparer.Ordinal)
    {
        ["bool"] = TypeTagKind.Bool, ["u8"] = TypeTagKind.U8, ["u16"] = TypeTagKind.U16, ["u32"] = TypeTagKind.U32,
        ["u64"] = TypeTagKind.U64, ["u128"] = TypeTagKind.U128, ["u256"] = TypeTagKind.U256,
        ["address"] = TypeTagKind.Address, ["signer"] = TypeTagKind.Signer,
    };

    /// <summary>Parses the canonical text form; throws <see cref="FormatException"/>.</summary>
    public static TypeTag Parse(string text)
    {
        int pos = 0;
        TypeTag t = ParseAt(text.Replace(" ", string.Empty, StringComparison.Ordinal), ref pos, 0, out string rest);
        return rest.Length == 0 ? t : throw new FormatException("unexpected text after type: " + rest);
    }

    public override string ToString() => Kind switch
    {
        TypeTagKind.Vector => $"vector<{Element}>",
        TypeTagKind.Struct => Struct!.ToString(),
        _ => s_primitives.First(p => p.Value == Kind).Key,
    };

    private static TypeTag ParseAt(string s, ref int pos, int depth, out string rest)
    {
        if (depth > MaxDepth)
        {
            throw new FormatException("type nesting deeper than " + MaxDepth);
        }

        int end = pos;
        while (end < s.Length && s[end] != '<' && s[end] != '>' && s[end] != ',')
        {
            end++;
        }

        string head = s[pos..end];
        pos = end;
        if (s_primitives.TryGetValue(head, out TypeTagKind kind))
        {
            rest = s[pos..];
            return new TypeTag(kind);
        }

        List<TypeTag> args = new();
        if (pos < s.Length && s[pos] == '<')
        {
            do
            {
                pos++;
                args.Add(ParseAt(s, ref pos, depth + 1, out _));
            }
            while (pos < s.Length && s[pos] == ',');
            if (pos >= s.Length || s[pos] != '>')
            {
                throw new FormatException("missing '>' in type " + s);
            }

            pos++;
        }

        rest = s[pos..];
        if (head == "vector")
        {
            return args.Count == 1 ? new TypeTag(TypeTagKind.Vector, args[0]) : throw new FormatException("vector takes one type");
        }

        string[] parts = head.Split("::");
        if (parts.Length != 3 || !IotaAddress.TryParse(parts[0], out IotaAddress address))
        {
            throw new FormatException("expected address::module::Name, got " + head);
        }

        return new TypeTag(TypeTagKind.Struct, Struct: new StructTag(address, parts[1], parts[2], args));
    }
}
