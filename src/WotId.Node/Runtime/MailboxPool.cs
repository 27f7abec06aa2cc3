// The embedded mailbox databases the node touches: its own (to claim) and those of its contacts (to deposit), each
// opened once and closed with the node. Deposits are sent as the profile's own mailbox account (Profile.
// OpenMailboxAccount), or, for a profile without a mailbox, as an address made for this run.
using System;
using System.Collections.Generic;
using System.IO;
using WotId.Mailbox;
using WotId.Mailbox.Embedded;
using WotId.Mailbox.Signing;
using WotId.Mailbox.Types;

namespace WotId.Node.Runtime;

/// <summary>Open embedded mailbox stores by path.</summary>
internal sealed class MailboxPool : IDisposable
{
    private readonly object _lock = new();
    private readonly Dictionary<string, EmbeddedMailboxStore> _stores = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;

    internal MailboxPool(Profile.Profile profile, TimeProvider time)
    {
        _time = time;
        using IotaKeyPair account = profile.OpenMailboxAccount() ?? IotaKeyPair.Generate();
        Sender = account.Address;
    }

    /// <summary>The address deposits are sent as.</summary>
    internal IotaAddress Sender { get; }

    /// <summary>The mailbox in the database at <paramref name="path"/>, acting as <paramref name="caller"/>.</summary>
    internal IMailbox Open(string path, IotaAddress caller)
    {
        string full = Path.GetFullPath(path);
        lock (_lock)
        {
            if (!_stores.TryGetValue(full, out EmbeddedMailboxStore? store))
            {
                store = EmbeddedMailboxStore.Open(full, _time);
                _stores.Add(full, store);
            }

            return store.As(caller);
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        lock (_lock)
        {
            foreach (EmbeddedMailboxStore s in _stores.Values)
            {
                s.Dispose();
            }

            _stores.Clear();
        }
    }
}
