// Text parser for Move types (move-core-types parser.rs grammar, as accepted by the SDK's TypeTagSerializer):
// type := "bool" | "u8" | "u16" | "u32" | "u64" | "u128" | "u256" | "address" | "signer" | "vector<" type ">"
//       | address "::" ident "::" ident [ "<" type ("," type)* ">" ]
// ident := [A-Za-z][A-Za-z0-9_]* | "_"[A-Za-z0-9_]+ (at most 128 characters). Spaces are ignored; nesting is bounded.
using System;
using System.Collections.Generic;
using WotId.Mailbox.Types;

namespace WotId.Mailbox.Transactions;

/// <summary>Parses the text form of <see cref="TypeTag"/>; every failure is a <see cref="FormatException"/>.</summary>
internal static class TypeTagParser
{
    public const int MaxTextLength = 16 * 1024;
    private const int MaxIdentifier = 128;
    private const int MaxTypeParams = 32;

    public static TypeTag Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length > MaxTextLength)
        {
            throw new FormatException("type text longer than " + MaxTextLength);
        }

        string s = text.Replace(" ", string.Empty, StringComparison.Ordinal);
        int pos = 0;
        TypeTag t = ParseType(s, ref pos, 0);
        return pos == s.Length ? t : throw new FormatException($"unexpected '{s[pos]}' at {pos} in type");
    }

    private static TypeTag ParseType(string s, ref int pos, int depth)
    {
        if (depth > TypeTag.MaxDepth)
        {
            throw new FormatException("type nesting deeper than " + TypeTag.MaxDepth);
        }

        int start = pos;
        while (pos < s.Length && s[pos] is not ('<' or '>' or ','))
        {
            pos++;
        }

        string head = s[start..pos];
        if (TypeTag.TryPrimitive(head, out TypeTag primitive))
        {
            return primitive;
        }

        List<TypeTag> args = ParseTypeParams(s, ref pos, depth);
        if (head == "vector")
        {
            return args.Count == 1 ? TypeTag.Vector(args[0]) : throw new FormatException("vector takes exactly one type");
        }

        string[] parts = head.Split("::");
        if (parts.Length != 3 || !IotaAddress.TryParse(parts[0], out IotaAddress address))
        {
            throw new FormatException("expected a primitive, vector<T> or address::module::Name");
        }

        RequireIdentifier(parts[1]);
        RequireIdentifier(parts[2]);
        return TypeTag.Of(new StructTag(address, parts[1], parts[2], args));
    }

    private static List<TypeTag> ParseTypeParams(string s, ref int pos, int depth)
    {
        var args = new List<TypeTag>();
        if (pos >= s.Length || s[pos] != '<')
        {
            return args;
        }

        do
        {
            pos++;
            if (args.Count == MaxTypeParams)
            {
                throw new FormatException("more than " + MaxTypeParams + " type parameters");
            }

            args.Add(ParseType(s, ref pos, depth + 1));
        }
        while (pos < s.Length && s[pos] == ',');
        if (pos >= s.Length || s[pos] != '>')
        {
            throw new FormatException("missing '>' in type");
        }

        pos++;
        return args;
    }

    private static void RequireIdentifier(string id)
    {
        bool ok = id.Length is > 0 and <= MaxIdentifier && (char.IsAsciiLetter(id[0]) || (id[0] == '_' && id.Length > 1));
        for (int i = 1; ok && i < id.Length; i++)
        {
            ok = char.IsAsciiLetterOrDigit(id[i]) || id[i] == '_';
        }

        if (!ok)
        {
            throw new FormatException("not a Move identifier: '" + (id.Length > 40 ? id[..40] + "…" : id) + "'");
        }
    }
}
