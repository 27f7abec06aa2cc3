// ProgrammableMoveCall = package: ID, module: Identifier, function: Identifier, type_arguments: vector<TypeTag>,
// arguments: vector<Argument> (iota-types transaction.rs).
using System.Collections.Generic;
using System.Linq;
using WotId.Mailbox.Types;

namespace WotId.Mailbox.Transactions;

/// <summary>Calls a Move function (command 0).</summary>
/// <param name="Package">The package ID.</param>
/// <param name="Module">The module name.</param>
/// <param name="Function">The function name.</param>
/// <param name="TypeArguments">Type arguments of a generic function.</param>
/// <param name="Arguments">The call's arguments.</param>
public sealed record MoveCallCommand(IotaAddress Package, string Module, string Function, IReadOnlyList<TypeTag> TypeArguments, IReadOnlyList<Argument> Arguments) : Command
{
    /// <inheritdoc />
    public bool Equals(MoveCallCommand? other) => other is not null && Package == other.Package && Module == other.Module
        && Function == other.Function && TypeArguments.SequenceEqual(other.TypeArguments) && Arguments.SequenceEqual(other.Arguments);

    /// <inheritdoc />
    public override int GetHashCode() => System.HashCode.Combine(Package, Module, Function);
}
