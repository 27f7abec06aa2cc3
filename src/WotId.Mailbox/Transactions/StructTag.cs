// StructTag = address: Address, module: Identifier, name: Identifier, type_params: vector<TypeTag>
// (move-core-types language_storage.rs; SDK bcs.ts "StructTag", utils/iota-types.ts parseStructTag/normalizeStructTag).
using System;
using System.Collections.Generic;
using System.Linq;
using WotId.Mailbox.Types;

namespace WotId.Mailbox.Transactions;

/// <summary>A Move struct type such as <c>0x2::coin::Coin&lt;0x2::iota::IOTA&gt;</c>.</summary>
/// <param name="Address">The package that defines it.</param>
/// <param name="Module">The module name (a Move identifier).</param>
/// <param name="Name">The struct name (a Move identifier).</param>
/// <param name="TypeParams">Its type arguments.</param>
public sealed record StructTag(IotaAddress Address, string Module, string Name, IReadOnlyList<TypeTag> TypeParams)
{
    /// <summary>Parses a struct type such as <c>0x2::coin::Coin&lt;0x2::iota::IOTA&gt;</c>.</summary>
    /// <param name="text">The type text.</param>
    /// <returns>The struct.</returns>
    /// <exception cref="FormatException">The text is not a struct type.</exception>
    public static StructTag Parse(string text) =>
        TypeTagParser.Parse(text).Struct ?? throw new FormatException("not a struct type: " + text);

    /// <summary>The display form the IOTA node uses in JSON (short addresses, <c>", "</c> separators).</summary>
    /// <returns>The text.</returns>
    public override string ToString() => Format(false);

    /// <summary>The <c>normalizeStructTag</c> form of <c>@iota/iota-sdk</c> (64-digit addresses, <c>","</c> separators).</summary>
    /// <returns>The text.</returns>
    public string ToCanonicalString() => Format(true);

    /// <inheritdoc />
    public bool Equals(StructTag? other) =>
        other is not null && Address == other.Address && Module == other.Module && Name == other.Name && TypeParams.SequenceEqual(other.TypeParams);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Address, Module, Name, TypeParams.Count);

    internal string Format(bool canonical)
    {
        string address = canonical ? Address.ToString() : ShortAddress(Address);
        string head = $"{address}::{Module}::{Name}";
        return TypeParams.Count == 0
            ? head
            : head + "<" + string.Join(canonical ? "," : ", ", TypeParams.Select(t => t.Format(canonical))) + ">";
    }

    // AccountAddress::short_str_lossless: leading zero digits dropped, at least one digit kept.
    private static string ShortAddress(IotaAddress a)
    {
        string hex = a.ToString()[2..].TrimStart('0');
        return "0x" + (hex.Length == 0 ? "0" : hex);
    }
}
