// Command = enum { 0 MoveCall(ProgrammableMoveCall), 1 TransferObjects(vector<Argument>, Argument),
//   2 SplitCoins(Argument, vector<Argument>), 3 MergeCoins(Argument, vector<Argument>),
//   4 Publish(vector<vector<u8>>, vector<ID>), 5 MakeMoveVec(Option<TypeTag>, vector<Argument>),
//   6 Upgrade(vector<vector<u8>>, vector<ID>, ID, Argument) } (iota-types transaction.rs).
using System;
using System.Collections.Generic;
using System.Linq;
using WotId.Mailbox.Types;

namespace WotId.Mailbox.Transactions;

/// <summary>One PTB command.</summary>
internal abstract record Command;

/// <summary>ProgrammableMoveCall = package, module, function, type_arguments, arguments.</summary>
internal sealed record MoveCallCommand(IotaAddress Package, string Module, string Function, IReadOnlyList<TypeTag> TypeArguments, IReadOnlyList<Argument> Arguments) : Command
{
    public bool Equals(MoveCallCommand? other) => other is not null && Package == other.Package && Module == other.Module
        && Function == other.Function && TypeArguments.SequenceEqual(other.TypeArguments) && Arguments.SequenceEqual(other.Arguments);

    public override int GetHashCode() => System.HashCode.Combine(Package, Module, Function);
}

/// <summary>Moves objects to an address.</summary>
internal sealed record TransferObjectsCommand(IReadOnlyList<Argument> Objects, Argument Address) : Command
{
    public bool Equals(TransferObjectsCommand? other) => other is not null && Objects.SequenceEqual(other.Objects) && Address == other.Address;

    public override int GetHashCode() => Address.GetHashCode();
}

/// <summary>Splits amounts off a coin.</summary>
internal sealed record SplitCoinsCommand(Argument Coin, IReadOnlyList<Argument> Amounts) : Command
{
    public bool Equals(SplitCoinsCommand? other) => other is not null && Coin == other.Coin && Amounts.SequenceEqual(other.Amounts);

    public override int GetHashCode() => Coin.GetHashCode();
}

/// <summary>Merges coins into a destination coin.</summary>
internal sealed record MergeCoinsCommand(Argument Destination, IReadOnlyList<Argument> Sources) : Command
{
    public bool Equals(MergeCoinsCommand? other) => other is not null && Destination == other.Destination && Sources.SequenceEqual(other.Sources);

    public override int GetHashCode() => Destination.GetHashCode();
}

/// <summary>Builds a vector from arguments.</summary>
internal sealed record MakeMoveVecCommand(TypeTag? ElementType, IReadOnlyList<Argument> Elements) : Command
{
    public bool Equals(MakeMoveVecCommand? other) => other is not null && Equals(ElementType, other.ElementType) && Elements.SequenceEqual(other.Elements);

    public override int GetHashCode() => Elements.Count;
}

/// <summary>Publishes a package (decoded for completeness; the mailbox client never builds it).</summary>
internal sealed record PublishCommand(IReadOnlyList<byte[]> Modules, IReadOnlyList<IotaAddress> Dependencies) : Command
{
    public bool Equals(PublishCommand? other) => other is not null && Modules.Count == other.Modules.Count
        && Modules.Zip(other.Modules).All(p => p.First.AsSpan().SequenceEqual(p.Second)) && Dependencies.SequenceEqual(other.Dependencies);

    public override int GetHashCode() => Modules.Count;
}

/// <summary>Upgrades a package (decoded for completeness).</summary>
internal sealed record UpgradeCommand(IReadOnlyList<byte[]> Modules, IReadOnlyList<IotaAddress> Dependencies, IotaAddress Package, Argument Ticket) : Command
{
    public bool Equals(UpgradeCommand? other) => other is not null && Modules.Count == other.Modules.Count
        && Modules.Zip(other.Modules).All(p => p.First.AsSpan().SequenceEqual(p.Second)) && Dependencies.SequenceEqual(other.Dependencies)
        && Package == other.Package && Ticket == other.Ticket;

    public override int GetHashCode() => Package.GetHashCode();
}
