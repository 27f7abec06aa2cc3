// The trusted issuers as the handshake sees them: read from the profile database at every check, so that
// `wotid trust add` / `trust remove` (which write the same database, possibly from another process) take effect on
// the next handshake of the running node without a restart.
using System;
using System.Collections;
using System.Collections.Generic;

namespace WotId.Node.Runtime;

/// <summary>A read-only view of the profile's trust list that re-reads it on every use.</summary>
internal sealed class LiveTrustList : IReadOnlyCollection<string>
{
    private readonly Func<IReadOnlyList<string>> _read;

    internal LiveTrustList(Func<IReadOnlyList<string>> read) => _read = read ?? throw new ArgumentNullException(nameof(read));

    /// <inheritdoc />
    public int Count => _read().Count;

    /// <inheritdoc />
    public IEnumerator<string> GetEnumerator() => _read().GetEnumerator();

    /// <inheritdoc />
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <inheritdoc />
    public override string ToString() => "LiveTrustList";
}
