// The IOTA networks the node touches: its own mailbox's (to claim) and those named by contacts' invitations (to
// deposit), each opened once and closed with the node. Every transaction is signed with the profile's mailbox
// account key (Profile.OpenMailboxAccount), which also pays the gas; a profile without one cannot deposit on chain.
using System;
using System.Collections.Generic;
using Microsoft.Extensions.Logging;
using WotId.Mailbox.Signing;
using WotId.Mailbox.Types;

namespace WotId.Node.IotaMailboxes;

/// <summary>Open <see cref="IotaMailboxLink"/>s by endpoint and package.</summary>
internal sealed class IotaMailboxPool : IDisposable
{
    private readonly object _lock = new();
    private readonly Dictionary<string, IotaMailboxLink> _links = new(StringComparer.Ordinal);
    private readonly Profile.Profile _profile;
    private readonly TimeProvider _time;
    private readonly ILoggerFactory _loggers;
    private IotaKeyPair? _account;
    private bool _disposed;

    internal IotaMailboxPool(Profile.Profile profile, TimeProvider time, ILoggerFactory loggers)
    {
        _profile = profile;
        _time = time;
        _loggers = loggers;
    }

    /// <summary>The link for <paramref name="rpc"/> and <paramref name="package"/>, or null when the profile has no mailbox account.</summary>
    internal IotaMailboxLink? Get(Uri rpc, IotaAddress package)
    {
        string key = package + "@" + rpc;
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_links.TryGetValue(key, out IotaMailboxLink? link))
            {
                return link;
            }

            _account ??= _profile.OpenMailboxAccount();
            if (_account is null)
            {
                return null;
            }

            link = new IotaMailboxLink(_profile.Home, rpc, package, _account, _time, _loggers);
            _links.Add(key, link);
            return link;
        }
    }

    public void Dispose()
    {
        lock (_lock)
        {
            _disposed = true;
            foreach (IotaMailboxLink link in _links.Values)
            {
                link.Dispose();
            }

            _links.Clear();
            _account?.Dispose();
            _account = null;
        }
    }
}
