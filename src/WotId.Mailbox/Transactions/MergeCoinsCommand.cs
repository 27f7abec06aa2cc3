using System.Collections.Generic;
using System.Linq;

namespace WotId.Mailbox.Transactions;

/// <summary>Merges coins into a destination coin (command 3).</summary>
/// <param name="Destination">The coin that receives the balances.</param>
/// <param name="Sources">The coins merged into it (they are destroyed).</param>
public sealed record MergeCoinsCommand(Argument Destination, IReadOnlyList<Argument> Sources) : Command
{
    /// <inheritdoc />
    public bool Equals(MergeCoinsCommand? other) => other is not null && Destination == other.Destination && Sources.SequenceEqual(other.Sources);

    /// <inheritdoc />
    public override int GetHashCode() => Destination.GetHashCode();
}
