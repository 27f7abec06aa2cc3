// GasData = payment: vector<ObjectRef>, owner: Address, price: u64, budget: u64 (iota-types transaction.rs).
using System;
using System.Collections.Generic;
using System.Linq;
using WotId.Mailbox.Types;

namespace WotId.Mailbox.Transactions;

/// <summary>Who pays for a transaction and how much (all amounts in NANOS; 1 IOTA = 10^9 NANOS).</summary>
/// <param name="Payment">The gas coins, merged into the first one (<see cref="Argument.GasCoin"/>); none of them may also be an input.</param>
/// <param name="Owner">The gas owner: the sender, or a sponsor who then signs the transaction too.</param>
/// <param name="Price">Gas price, at least the reference gas price (<c>iotax_getReferenceGasPrice</c>).</param>
/// <param name="Budget">The most the transaction may spend.</param>
public sealed record GasData(IReadOnlyList<ObjectRef> Payment, IotaAddress Owner, ulong Price, ulong Budget)
{
    /// <inheritdoc />
    public bool Equals(GasData? other) => other is not null && Payment.SequenceEqual(other.Payment) && Owner == other.Owner
        && Price == other.Price && Budget == other.Budget;

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Owner, Price, Budget);
}
