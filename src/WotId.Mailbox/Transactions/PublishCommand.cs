using System;
using System.Collections.Generic;
using System.Linq;
using WotId.Mailbox.Types;

namespace WotId.Mailbox.Transactions;

/// <summary>Publishes a Move package (command 4); the result is the package's <c>UpgradeCap</c>.</summary>
/// <param name="Modules">The compiled modules (Move bytecode), in dependency order.</param>
/// <param name="Dependencies">IDs of the packages it depends on (including <c>0x1</c> and <c>0x2</c>).</param>
public sealed record PublishCommand(IReadOnlyList<byte[]> Modules, IReadOnlyList<IotaAddress> Dependencies) : Command
{
    /// <inheritdoc />
    public bool Equals(PublishCommand? other) => other is not null && Modules.Count == other.Modules.Count
        && Modules.Zip(other.Modules).All(p => p.First.AsSpan().SequenceEqual(p.Second)) && Dependencies.SequenceEqual(other.Dependencies);

    /// <inheritdoc />
    public override int GetHashCode() => Modules.Count;
}
