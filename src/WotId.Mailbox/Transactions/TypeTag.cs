// Move TypeTag (move-core-types language_storage.rs; SDK bcs.ts "TypeTag", type-tag-serializer.ts):
// enum TypeTag { 0 bool, 1 u8, 2 u64, 3 u128, 4 address, 5 signer, 6 vector(TypeTag), 7 struct(StructTag), 8 u16, 9 u32, 10 u256 }.
// Text forms: "u64", "vector<u8>", "0x2::coin::Coin<0x2::iota::IOTA>"; parsing is in TypeTagParser.cs.
using System;
using WotId.Mailbox.Bcs;

namespace WotId.Mailbox.Transactions;

/// <summary>A Move type: a primitive, a vector of a type, or a struct with type parameters.</summary>
public sealed record TypeTag
{
    /// <summary>Deepest nesting accepted when parsing text or BCS (the protocol's type nesting limit).</summary>
    public const int MaxDepth = 16;

    private static readonly string[] s_names =
        ["bool", "u8", "u64", "u128", "address", "signer", "vector", "struct", "u16", "u32", "u256"];

    private TypeTag(TypeTagKind kind, TypeTag? element, StructTag? structTag)
    {
        Kind = kind;
        Element = element;
        Struct = structTag;
    }

    /// <summary>The kind of type.</summary>
    public TypeTagKind Kind { get; }

    /// <summary>The element type of a vector; null otherwise.</summary>
    public TypeTag? Element { get; }

    /// <summary>The struct of a struct type; null otherwise.</summary>
    public StructTag? Struct { get; }

    /// <summary><c>bool</c>.</summary>
    public static TypeTag Bool { get; } = new(TypeTagKind.Bool, null, null);

    /// <summary><c>u8</c>.</summary>
    public static TypeTag U8 { get; } = new(TypeTagKind.U8, null, null);

    /// <summary><c>u16</c>.</summary>
    public static TypeTag U16 { get; } = new(TypeTagKind.U16, null, null);

    /// <summary><c>u32</c>.</summary>
    public static TypeTag U32 { get; } = new(TypeTagKind.U32, null, null);

    /// <summary><c>u64</c>.</summary>
    public static TypeTag U64 { get; } = new(TypeTagKind.U64, null, null);

    /// <summary><c>u128</c>.</summary>
    public static TypeTag U128 { get; } = new(TypeTagKind.U128, null, null);

    /// <summary><c>u256</c>.</summary>
    public static TypeTag U256 { get; } = new(TypeTagKind.U256, null, null);

    /// <summary><c>address</c>.</summary>
    public static TypeTag Address { get; } = new(TypeTagKind.Address, null, null);

    /// <summary><c>signer</c>.</summary>
    public static TypeTag Signer { get; } = new(TypeTagKind.Signer, null, null);

    /// <summary><c>vector&lt;<paramref name="element"/>&gt;</c>.</summary>
    /// <param name="element">The element type.</param>
    /// <returns>The vector type.</returns>
    public static TypeTag Vector(TypeTag element)
    {
        ArgumentNullException.ThrowIfNull(element);
        return new(TypeTagKind.Vector, element, null);
    }

    /// <summary>The struct type <paramref name="structTag"/>.</summary>
    /// <param name="structTag">The struct.</param>
    /// <returns>The type.</returns>
    public static TypeTag Of(StructTag structTag)
    {
        ArgumentNullException.ThrowIfNull(structTag);
        return new(TypeTagKind.Struct, null, structTag);
    }

    /// <summary>Parses a type such as <c>u64</c>, <c>vector&lt;u8&gt;</c> or <c>0x2::coin::Coin&lt;0x2::iota::IOTA&gt;</c>.</summary>
    /// <param name="text">The type; addresses may be short (<c>0x2</c>); spaces are ignored.</param>
    /// <returns>The type.</returns>
    /// <exception cref="FormatException">The text is not a valid type.</exception>
    public static TypeTag Parse(string text) => TypeTagParser.Parse(text);

    /// <summary>Parses without throwing.</summary>
    /// <param name="text">The type text.</param>
    /// <param name="type">The type, when the result is true.</param>
    /// <returns>True when <paramref name="text"/> is a valid type.</returns>
    public static bool TryParse(string? text, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out TypeTag? type)
    {
        try
        {
            type = text is null ? null : TypeTagParser.Parse(text);
        }
        catch (FormatException)
        {
            type = null;
        }

        return type is not null;
    }

    /// <summary>Decodes the BCS form.</summary>
    /// <param name="bcs">Exactly one BCS TypeTag.</param>
    /// <returns>The type.</returns>
    /// <exception cref="BcsFormatException">The bytes are not a valid TypeTag.</exception>
    public static TypeTag FromBcs(ReadOnlySpan<byte> bcs)
    {
        var r = new BcsReader(bcs);
        TypeTag t = TransactionBcs.ReadTypeTag(ref r, 0);
        r.EnsureEnd();
        return t;
    }

    /// <summary>The BCS form (used in Move calls, <c>MakeMoveVec</c> and dynamic-field IDs).</summary>
    /// <returns>The bytes.</returns>
    public byte[] ToBcs()
    {
        var w = new BcsWriter(64);
        TransactionBcs.WriteTypeTag(w, this);
        return w.ToArray();
    }

    /// <summary>The display form the IOTA node uses in JSON: short addresses, <c>", "</c> between type parameters.</summary>
    /// <returns>For example <c>0x2::coin::Coin&lt;0x2::iota::IOTA&gt;</c>.</returns>
    public override string ToString() => Format(false);

    /// <summary>
    /// The form <c>normalizeStructTag</c> of <c>@iota/iota-sdk</c> produces: 64-digit addresses and <c>","</c> between
    /// type parameters, for comparing types as text.
    /// </summary>
    /// <returns>For example <c>0x000…0002::coin::Coin&lt;0x000…0002::iota::IOTA&gt;</c>.</returns>
    public string ToCanonicalString() => Format(true);

    internal string Format(bool canonical) => Kind switch
    {
        TypeTagKind.Vector => $"vector<{Element!.Format(canonical)}>",
        TypeTagKind.Struct => Struct!.Format(canonical),
        _ => s_names[(int)Kind],
    };

    internal static bool TryPrimitive(string name, out TypeTag type)
    {
        int i = Array.IndexOf(s_names, name);
        type = i switch
        {
            (int)TypeTagKind.Bool => Bool,
            (int)TypeTagKind.U8 => U8,
            (int)TypeTagKind.U16 => U16,
            (int)TypeTagKind.U32 => U32,
            (int)TypeTagKind.U64 => U64,
            (int)TypeTagKind.U128 => U128,
            (int)TypeTagKind.U256 => U256,
            (int)TypeTagKind.Address => Address,
            (int)TypeTagKind.Signer => Signer,
            _ => null!,
        };
        return type is not null;
    }

    internal static TypeTag Primitive(TypeTagKind kind) =>
        TryPrimitive(s_names[(int)kind], out TypeTag t) ? t : throw new ArgumentOutOfRangeException(nameof(kind));

    /// <inheritdoc />
    public bool Equals(TypeTag? other) =>
        other is not null && Kind == other.Kind && Equals(Element, other.Element) && Equals(Struct, other.Struct);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Kind, Element, Struct);
}
