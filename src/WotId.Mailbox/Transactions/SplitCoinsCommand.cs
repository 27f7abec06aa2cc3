using System.Collections.Generic;
using System.Linq;

namespace WotId.Mailbox.Transactions;

/// <summary>Splits amounts off a coin (command 2); the result has one new coin per amount.</summary>
/// <param name="Coin">The coin to split (often <see cref="Argument.GasCoin"/>).</param>
/// <param name="Amounts">The amounts, pure <c>u64</c> arguments.</param>
public sealed record SplitCoinsCommand(Argument Coin, IReadOnlyList<Argument> Amounts) : Command
{
    /// <inheritdoc />
    public bool Equals(SplitCoinsCommand? other) => other is not null && Coin == other.Coin && Amounts.SequenceEqual(other.Amounts);

    /// <inheritdoc />
    public override int GetHashCode() => Coin.GetHashCode();
}
