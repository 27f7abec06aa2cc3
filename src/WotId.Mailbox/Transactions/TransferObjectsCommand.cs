using System.Collections.Generic;
using System.Linq;

namespace WotId.Mailbox.Transactions;

/// <summary>Moves objects to an address (command 1).</summary>
/// <param name="Objects">The objects to transfer.</param>
/// <param name="Address">The recipient, a pure <c>address</c> argument.</param>
public sealed record TransferObjectsCommand(IReadOnlyList<Argument> Objects, Argument Address) : Command
{
    /// <inheritdoc />
    public bool Equals(TransferObjectsCommand? other) => other is not null && Objects.SequenceEqual(other.Objects) && Address == other.Address;

    /// <inheritdoc />
    public override int GetHashCode() => Address.GetHashCode();
}
