using System.Collections.Generic;
using System.Linq;

namespace WotId.Mailbox.Transactions;

/// <summary>Builds a Move <c>vector&lt;T&gt;</c> from arguments (command 5).</summary>
/// <param name="ElementType">The element type; required when the vector is empty or holds pure values, null for objects.</param>
/// <param name="Elements">The elements.</param>
public sealed record MakeMoveVecCommand(TypeTag? ElementType, IReadOnlyList<Argument> Elements) : Command
{
    /// <inheritdoc />
    public bool Equals(MakeMoveVecCommand? other) => other is not null && Equals(ElementType, other.ElementType) && Elements.SequenceEqual(other.Elements);

    /// <inheritdoc />
    public override int GetHashCode() => Elements.Count;
}
