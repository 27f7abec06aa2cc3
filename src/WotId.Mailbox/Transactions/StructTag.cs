// StructTag = address: Address, module: Identifier, name: Identifier, type_params: vector<TypeTag>.
using System.Collections.Generic;
using System.Linq;
using WotId.Mailbox.Types;

namespace WotId.Mailbox.Transactions;

/// <summary>A Move struct type such as <c>0x2::coin::Coin&lt;0x2::iota::IOTA&gt;</c>.</summary>
internal sealed record StructTag(IotaAddress Address, string Module, string Name, IReadOnlyList<TypeTag> TypeParams)
{
    public override string ToString() =>
        $"{Address}::{Module}::{Name}" + (TypeParams.Count == 0 ? string.Empty : "<" + string.Join(", ", TypeParams.Select(t => t.ToString())) + ">");

    public bool Equals(StructTag? other) =>
        other is not null && Address == other.Address && Module == other.Module && Name == other.Name && TypeParams.SequenceEqual(other.TypeParams);

    public override int GetHashCode() => System.HashCode.Combine(Address, Module, Name, TypeParams.Count);
}
