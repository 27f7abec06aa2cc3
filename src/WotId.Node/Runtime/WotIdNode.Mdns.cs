// mDNS in the node (libp2p/specs discovery/mdns.md; docs/discovery.md "mDNS in the node"): with NodeOptions.Mdns the
// chat host announces its addresses as _p2p._udp.local and listens for other peers' announcements. What is found is
// kept per peer (at most MaxLanPeers peers, the newest replacing the oldest) and tried first when a contact is dialled,
// so contacts on one LAN reach each other without any address. The peer's identity is still proven by Noise (the
// address carries /p2p/<id>) and the VerifiedHuman handshake; mDNS only says where to knock. Off by default: announcing
// tells everyone on the LAN that a wot.id node with this peer id is here.
using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using WotId.Libp2p.Mdns;
using WotId.Libp2p.Multiaddr;

namespace WotId.Node.Runtime;

public sealed partial class WotIdNode
{
    /// <summary>Peers whose LAN addresses are remembered.</summary>
    internal const int MaxLanPeers = 256;

    private MdnsDiscovery? _mdns;

    /// <summary>True while mDNS runs.</summary>
    public bool MdnsRunning => _mdns is not null;

    private async Task StartMdnsAsync(CancellationToken cancellationToken)
    {
        if (!_options.Mdns)
        {
            return;
        }

        var mdns = new MdnsDiscovery(_host, _options.MdnsOptions);
        try
        {
            await mdns.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (SocketException e)
        {
            // A machine without multicast (some containers): the node runs on without LAN discovery.
            ReachabilityLog.MdnsUnavailable(_logger, e);
            await mdns.DisposeAsync().ConfigureAwait(false);
            return;
        }

        _mdns = mdns;
        _loops.Add(ReadMdnsAsync(mdns, _stop.Token));
    }

    private async Task StopMdnsAsync()
    {
        if (_mdns is not null)
        {
            await _mdns.DisposeAsync().ConfigureAwait(false);
        }
    }

    private async Task ReadMdnsAsync(MdnsDiscovery mdns, CancellationToken stop)
    {
        try
        {
            await foreach (MdnsPeer found in mdns.ReadDiscoveredAsync(stop).ConfigureAwait(false))
            {
                if (found.PeerId == _host.PeerId || found.Addresses.Count == 0)
                {
                    continue;
                }

                if (_links.LanAddresses.Count >= MaxLanPeers && !_links.LanAddresses.ContainsKey(found.PeerId))
                {
                    _links.LanAddresses.TryRemove(_links.LanAddresses.Keys.First(), out _);
                }

                List<Multiaddress> addresses = found.Addresses.Take(WotId.Node.Discovery.WotIdDhtRecord.MaxAddresses).ToList();
                _links.LanAddresses[found.PeerId] = addresses;
                string text = string.Join(' ', addresses);
                ReachabilityLog.MdnsFound(_logger, found.PeerId, text);

                // A queued message to this peer may now go out directly.
                _outboxWake.Set();
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }
}
