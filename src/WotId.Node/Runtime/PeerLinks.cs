// Finds or makes the outgoing message stream to a contact (docs/node.md "Offline delivery"): reuse a live link, else
// open one on a verified connection to the contact's peer, else dial the contact's addresses (LAN ones first, those
// of the host's peer store last; each with /p2p/<peer id>, so Noise proves the peer) and wait until the handshake
// opens the gate or the connection closes (handshake failed). One opener at a time per peer. A listener that just verified a dialler may see the dialler's
// gate still shut for a moment (its gate opens after it read handshake message 4), so a refused protocol is retried
// a few times before the connection counts as unusable. A sender that needs the peer's prekey bundle dials a
// connection of its own whatever exists (DialOwnAsync): only the initiator of a handshake receives the bundle.
using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using WotId.Libp2p.Host;
using WotId.Libp2p.Multiaddr;
using WotId.Libp2p.Peer;

namespace WotId.Node.Runtime;

/// <summary>The outgoing message links of a node, by peer.</summary>
internal sealed class PeerLinks : IAsyncDisposable
{
    private static readonly TimeSpan s_gateRetryDelay = TimeSpan.FromMilliseconds(100);
    private const int GateRetries = 20;
    private readonly Libp2pHost _host;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<PeerId, PeerLink> _links = new();
    private readonly ConcurrentDictionary<PeerId, SemaphoreSlim> _openers = new();
    private int _disposed;

    internal PeerLinks(Libp2pHost host, TimeProvider time, ILogger logger)
    {
        _host = host;
        _time = time;
        _logger = logger;
    }

    /// <summary>Signalled by the node on gate and close events of the host.</summary>
    internal ConnectionPulse Changes { get; } = new();

    /// <summary>Addresses peers announced on the local network (mDNS), tried before a contact's stored ones; bounded by the caller.</summary>
    internal ConcurrentDictionary<PeerId, IReadOnlyList<Multiaddress>> LanAddresses { get; } = new();

    /// <summary>The verified (gate open) connections now.</summary>
    internal IEnumerable<Libp2pConnection> Verified => _host.Connections.Where(c => c.IsGateOpen && !c.IsClosed);

    /// <summary>A verified connection to <paramref name="peer"/>, if any.</summary>
    /// <remarks>A direct connection is preferred over a relayed one (after a hole punch both exist for a moment).</remarks>
    internal Libp2pConnection? VerifiedConnection(PeerId peer) =>
        Verified.Where(c => c.RemotePeer == peer).OrderBy(c => c.IsRelayed).FirstOrDefault();

    /// <summary>A usable link to <paramref name="peer"/>, dialling <paramref name="addresses"/> when needed.</summary>
    /// <exception cref="IOException">Unreachable, handshake failed, or the peer does not serve the protocol.</exception>
    internal async Task<PeerLink> GetAsync(PeerId peer, IReadOnlyList<string> addresses, bool dial, CancellationToken cancellationToken)
    {
        if (_links.TryGetValue(peer, out PeerLink? link) && link.IsUsable)
        {
            return link;
        }

        SemaphoreSlim opener = _openers.GetOrAdd(peer, static _ => new SemaphoreSlim(1, 1));
        await opener.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
            if (_links.TryGetValue(peer, out link))
            {
                if (link.IsUsable)
                {
                    return link;
                }

                _links.TryRemove(peer, out _);
                await link.DisposeAsync().ConfigureAwait(false);
            }

            Libp2pConnection connection = VerifiedConnection(peer)
                ?? (dial ? await DialVerifiedAsync(peer, addresses, newConnection: false, cancellationToken).ConfigureAwait(false) : throw new IOException("no verified connection"));
            link = await OpenLinkAsync(connection, cancellationToken).ConfigureAwait(false);
            _links[peer] = link;
            return link;
        }
        finally
        {
            opener.Release();
        }
    }

    /// <summary>
    /// Dials a new connection to <paramref name="peer"/> whatever connections to it are open, so that this node runs
    /// the handshake as its initiator (and gets the peer's prekey bundle in message 2), and waits until the gate opened.
    /// </summary>
    /// <exception cref="IOException">No address answered with a verified connection.</exception>
    internal async Task<Libp2pConnection> DialOwnAsync(PeerId peer, IReadOnlyList<string> addresses, CancellationToken cancellationToken)
    {
        SemaphoreSlim opener = _openers.GetOrAdd(peer, static _ => new SemaphoreSlim(1, 1));
        await opener.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
            return await DialVerifiedAsync(peer, addresses, newConnection: true, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            opener.Release();
        }
    }

    /// <summary>Closes every link.</summary>
    public async ValueTask DisposeAsync()
    {
        Interlocked.Exchange(ref _disposed, 1);
        foreach (PeerId peer in _links.Keys.ToList())
        {
            if (_links.TryRemove(peer, out PeerLink? link))
            {
                await link.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    private async Task<Libp2pConnection> DialVerifiedAsync(PeerId peer, IReadOnlyList<string> addresses, bool newConnection, CancellationToken cancellationToken)
    {
        string? last = null;

        // Addresses the peer announced on the LAN (mDNS) come first: a LAN path beats a relay. The contact's stored
        // addresses follow, then whatever else the host learnt for the peer (identify, mDNS answers not yet read here).
        IEnumerable<string> lanFirst = LanAddresses.TryGetValue(peer, out IReadOnlyList<Multiaddress>? lan) ? lan.Select(a => a.ToString()) : [];
        IEnumerable<string> learnt = _host.PeerStore.GetAddresses(peer).Select(a => a.ToString());
        foreach (string text in lanFirst.Concat(addresses).Concat(learnt).Distinct(StringComparer.Ordinal).ToList())
        {
            if (!Multiaddress.TryParse(text, out Multiaddress? address) || address is null)
            {
                continue;
            }

            if (address.PeerId is null)
            {
                address = address.Encapsulate("/p2p/" + peer);
            }
            else if (address.PeerId != peer)
            {
                continue;
            }

            try
            {
                Libp2pConnection c = newConnection
                    ? await _host.DialNewAsync(address, cancellationToken).ConfigureAwait(false)
                    : await _host.DialAsync(address, cancellationToken).ConfigureAwait(false);
                Log.LinkStep(_logger, peer, "connected");
                await Changes.WaitUntilAsync(() => c.IsGateOpen || c.IsClosed, cancellationToken).ConfigureAwait(false);
                Log.LinkStep(_logger, peer, "gate open or closed");
                if (c.IsGateOpen && !c.IsClosed)
                {
                    return c;
                }

                last = c.CloseReason ?? "closed";
            }
            catch (HostException e)
            {
                last = e.Error.ToString();
            }
        }

        throw new IOException("no address of the contact answered with a verified connection" + (last is null ? "" : ": " + last));
    }

    private async Task<PeerLink> OpenLinkAsync(Libp2pConnection connection, CancellationToken cancellationToken)
    {
        for (int attempt = 0; ; attempt++)
        {
            try
            {
                return await PeerLink.OpenAsync(connection, _logger, cancellationToken).ConfigureAwait(false);
            }
            catch (HostException e) when (e.Error == HostError.ProtocolNotSupported && attempt < GateRetries && !connection.IsClosed)
            {
                Log.LinkStep(_logger, connection.RemotePeer, "refused (gate still shut at the peer), retrying");
                await Task.Delay(s_gateRetryDelay, _time, cancellationToken).ConfigureAwait(false);
            }
            catch (HostException e)
            {
                throw new IOException("the message stream could not be opened: " + e.Error, e);
            }
        }
    }
}
