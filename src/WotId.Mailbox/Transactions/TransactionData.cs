// TransactionData = enum { 0 V1(TransactionDataV1) };
// TransactionDataV1 = kind: TransactionKind, sender: Address, gas_data: GasData, expiration: TransactionExpiration;
// TransactionKind variant 0 = ProgrammableTransaction { inputs: vector<CallArg>, commands: vector<Command> };
// GasData = payment: vector<ObjectRef>, owner: Address, price: u64, budget: u64;
// TransactionExpiration = enum { 0 None, 1 Epoch(u64) }. (iota-types transaction.rs, SDK bcs.ts; note Part C.2.)
using System.Collections.Generic;
using System.Linq;
using WotId.Mailbox.Types;

namespace WotId.Mailbox.Transactions;

/// <summary>The commands and inputs of a programmable transaction block (the only TransactionKind the client builds).</summary>
internal sealed record ProgrammableTransaction(IReadOnlyList<CallArg> Inputs, IReadOnlyList<Command> Commands)
{
    public bool Equals(ProgrammableTransaction? other) =>
        other is not null && Inputs.SequenceEqual(other.Inputs) && Commands.SequenceEqual(other.Commands);

    public override int GetHashCode() => System.HashCode.Combine(Inputs.Count, Commands.Count);
}

/// <summary>Gas payment coins, gas owner (sender or sponsor), price and budget in NANOS.</summary>
internal sealed record GasData(IReadOnlyList<ObjectRef> Payment, IotaAddress Owner, ulong Price, ulong Budget)
{
    public bool Equals(GasData? other) => other is not null && Payment.SequenceEqual(other.Payment) && Owner == other.Owner
        && Price == other.Price && Budget == other.Budget;

    public override int GetHashCode() => System.HashCode.Combine(Owner, Price, Budget);
}

/// <summary>TransactionData::V1: what is hashed, signed and submitted.</summary>
/// <param name="Kind">The programmable transaction.</param>
/// <param name="Sender">The sender address.</param>
/// <param name="Gas">Gas data.</param>
/// <param name="ExpirationEpoch">Null for <c>None</c>, else <c>Epoch(n)</c>.</param>
internal sealed record TransactionData(ProgrammableTransaction Kind, IotaAddress Sender, GasData Gas, ulong? ExpirationEpoch);
