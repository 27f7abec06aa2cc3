// Keeps the latest verdict of each server per address and decides reachability once `confirmations` distinct servers
// agree (libp2p/specs autonat/autonat-v2.md suggests more than 3; js-libp2p needs 4 successes or 8 failures for
// observed addresses). Bounded: 32 addresses, 16 servers per address; the oldest entry goes first.
using System.Collections.Generic;
using System.Linq;
using WotId.Libp2p.Multiaddr;
using WotId.Libp2p.Peer;

namespace WotId.Libp2p.Protocols.AutoNat;

internal sealed class ReachabilityTracker
{
    private const int MaxAddresses = 32;
    private const int MaxServersPerAddress = 16;
    private readonly int _confirmations;
    private readonly object _lock = new();
    private readonly List<(Multiaddress Address, List<(PeerId Server, bool Reachable)> Votes)> _entries = new();

    public ReachabilityTracker(int confirmations)
    {
        _confirmations = confirmations;
    }

    /// <summary>Records a verdict; returns the address's state when it changed, else null.</summary>
    public AddressReachability? Record(Multiaddress address, PeerId server, bool reachable)
    {
        lock (_lock)
        {
            int i = _entries.FindIndex(e => e.Address == address);
            List<(PeerId Server, bool Reachable)> votes;
            Reachability before = Reachability.Unknown;
            if (i < 0)
            {
                if (_entries.Count >= MaxAddresses)
                {
                    _entries.RemoveAt(0);
                }

                votes = new List<(PeerId, bool)>();
                _entries.Add((address, votes));
            }
            else
            {
                votes = _entries[i].Votes;
                before = Summarize(address, votes).State;
            }

            votes.RemoveAll(v => v.Server == server);
            if (votes.Count >= MaxServersPerAddress)
            {
                votes.RemoveAt(0);
            }

            votes.Add((server, reachable));
            AddressReachability after = Summarize(address, votes);
            return after.State != before ? after : null;
        }
    }

    /// <summary>False when <paramref name="address"/> is decided or <paramref name="server"/> already judged it.</summary>
    public bool NeedsVerdict(Multiaddress address, PeerId server)
    {
        lock (_lock)
        {
            int i = _entries.FindIndex(e => e.Address == address);
            return i < 0 || (Summarize(address, _entries[i].Votes).State == Reachability.Unknown && !_entries[i].Votes.Exists(v => v.Server == server));
        }
    }

    public IReadOnlyList<AddressReachability> Snapshot()
    {
        lock (_lock)
        {
            return _entries.Select(e => Summarize(e.Address, e.Votes)).ToList();
        }
    }

    /// <summary>Public when any address is public; private when every known address is private; else unknown.</summary>
    public Reachability Overall()
    {
        IReadOnlyList<AddressReachability> all = Snapshot();
        if (all.Any(a => a.State == Reachability.Public))
        {
            return Reachability.Public;
        }

        return all.Count > 0 && all.All(a => a.State == Reachability.Private) ? Reachability.Private : Reachability.Unknown;
    }

    private AddressReachability Summarize(Multiaddress address, List<(PeerId Server, bool Reachable)> votes)
    {
        int ok = votes.Count(v => v.Reachable);
        int failed = votes.Count - ok;
        Reachability state = ok >= _confirmations && ok >= failed ? Reachability.Public
            : failed >= _confirmations && failed > ok ? Reachability.Private
            : Reachability.Unknown;
        return new AddressReachability(address, state, ok, failed);
    }
}
