// TransactionKind variant 0 = ProgrammableTransaction { inputs: vector<CallArg>, commands: vector<Command> }
// (iota-types transaction.rs; SDK bcs.ts "ProgrammableTransaction").
using System;
using System.Collections.Generic;
using System.Linq;
using WotId.Mailbox.Bcs;

namespace WotId.Mailbox.Transactions;

/// <summary>The inputs and commands of a programmable transaction block (<c>TransactionKind::ProgrammableTransaction</c>).</summary>
/// <param name="Inputs">The inputs, referred to by <see cref="Argument.Input(int)"/>.</param>
/// <param name="Commands">The commands, run in order.</param>
public sealed record ProgrammableTransaction(IReadOnlyList<CallArg> Inputs, IReadOnlyList<Command> Commands)
{
    /// <summary>Decodes the BCS of a <c>TransactionKind</c> (programmable transactions only).</summary>
    /// <param name="bcs">The bytes, as <c>onlyTransactionKind</c> builds of the SDK produce them.</param>
    /// <returns>The transaction kind.</returns>
    /// <exception cref="BcsFormatException">The bytes are malformed or another kind.</exception>
    public static ProgrammableTransaction FromBcs(ReadOnlySpan<byte> bcs) => TransactionBcs.DecodeKind(bcs);

    /// <summary>The BCS of the <c>TransactionKind</c> alone, what <c>iota_devInspectTransactionBlock</c> takes (base64).</summary>
    /// <returns>The bytes.</returns>
    public byte[] ToBcs() => TransactionBcs.EncodeKind(this);

    /// <inheritdoc />
    public bool Equals(ProgrammableTransaction? other) =>
        other is not null && Inputs.SequenceEqual(other.Inputs) && Commands.SequenceEqual(other.Commands);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Inputs.Count, Commands.Count);
}
