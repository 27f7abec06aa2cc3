using System;
using System.Collections.Generic;
using System.Linq;
using WotId.Mailbox.Types;

namespace WotId.Mailbox.Transactions;

/// <summary>Upgrades a Move package (command 6); the result is an <c>UpgradeReceipt</c> for <c>0x2::package::commit_upgrade</c>.</summary>
/// <param name="Modules">The new compiled modules.</param>
/// <param name="Dependencies">IDs of the packages it depends on.</param>
/// <param name="Package">The ID of the package being upgraded.</param>
/// <param name="Ticket">The <c>UpgradeTicket</c> from <c>0x2::package::authorize_upgrade</c>.</param>
public sealed record UpgradeCommand(IReadOnlyList<byte[]> Modules, IReadOnlyList<IotaAddress> Dependencies, IotaAddress Package, Argument Ticket) : Command
{
    /// <inheritdoc />
    public bool Equals(UpgradeCommand? other) => other is not null && Modules.Count == other.Modules.Count
        && Modules.Zip(other.Modules).All(p => p.First.AsSpan().SequenceEqual(p.Second)) && Dependencies.SequenceEqual(other.Dependencies)
        && Package == other.Package && Ticket == other.Ticket;

    /// <inheritdoc />
    public override int GetHashCode() => Package.GetHashCode();
}
