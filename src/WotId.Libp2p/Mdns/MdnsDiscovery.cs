// mDNS peer discovery on the local network (libp2p/specs discovery/mdns.md; RFC 6762): one UDP socket on port
// 5353 joined to 224.0.0.251 on every IPv4 interface, a query every QueryInterval, answers to others' queries
// with our addresses, and every peer found in a response added to the host's peer store and reported through a
// bounded event queue (the oldest discovery is dropped when the reader is slow). Both loops are owned and awaited
// by DisposeAsync. IPv4 only (ff02::fb is not joined).
using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using WotId.Libp2p.Host;
using WotId.Libp2p.Multiaddr;
using WotId.Libp2p.Peer;

namespace WotId.Libp2p.Mdns;

/// <summary>Finds peers on the LAN and announces the host to them.</summary>
public sealed class MdnsDiscovery : IAsyncDisposable
{
    private const int MaxKnownPeers = 1024;

    private readonly Libp2pHost _host;
    private readonly MdnsOptions _options;
    private readonly string _peerName = MdnsProtocol.RandomPeerName();
    private readonly Channel<MdnsPeer> _discovered;
    private readonly Dictionary<PeerId, string> _known = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly IPEndPoint _group;
    private Socket? _socket;
    private Task? _receive;
    private Task? _query;
    private long _malformed;

    /// <summary>Creates the service (call <see cref="StartAsync"/>).</summary>
    public MdnsDiscovery(Libp2pHost host, MdnsOptions? options = null)
    {
        _host = host ?? throw new ArgumentNullException(nameof(host));
        _options = options ?? new MdnsOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(_options.EventCapacity, 1);
        _group = new IPEndPoint(IPAddress.Parse(_options.Group), _options.Port);
        _discovered = Channel.CreateBounded<MdnsPeer>(new BoundedChannelOptions(_options.EventCapacity) { FullMode = BoundedChannelFullMode.DropOldest });
    }

    /// <summary>Responses and queries that could not be decoded (for diagnostics).</summary>
    public long MalformedPackets => Interlocked.Read(ref _malformed);

    /// <summary>Opens the socket, joins the group, and starts answering and querying.</summary>
    /// <exception cref="SocketException">The port or the group cannot be used on this machine.</exception>
    public Task StartAsync(CancellationToken cancellationToken = default)
    {
        if (_socket is not null)
        {
            throw new InvalidOperationException("mDNS was already started");
        }

        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        try
        {
            socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
            socket.Bind(new IPEndPoint(IPAddress.Any, _options.Port));
            socket.MulticastLoopback = true;
            socket.SetSocketOption(SocketOptionLevel.IP, SocketOptionName.MulticastTimeToLive, 255);
            int joined = 0;
            foreach (IPAddress local in LocalIPv4Addresses(includeLoopback: false).Append(IPAddress.Any))
            {
                try
                {
                    socket.SetSocketOption(SocketOptionLevel.IP, SocketOptionName.AddMembership, new MulticastOption(_group.Address, local));
                    joined++;
                }
                catch (SocketException)
                {
                    // Already joined through another address of the interface, or the interface has no multicast.
                }
            }

            if (joined == 0)
            {
                throw new SocketException((int)SocketError.AddressNotAvailable);
            }
        }
        catch
        {
            socket.Dispose();
            throw;
        }

        _socket = socket;
        _receive = ReceiveLoopAsync(socket, _stopping.Token);
        _query = QueryLoopAsync(_stopping.Token);
        return Task.CompletedTask;
    }

    /// <summary>Sends one query now (peers answer within about a second).</summary>
    public async Task QueryAsync(CancellationToken cancellationToken = default)
    {
        Socket socket = _socket ?? throw new InvalidOperationException("mDNS is not started");
        await socket.SendToAsync(MdnsProtocol.Query(_options.ServiceName).Encode(), SocketFlags.None, _group, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Peers as they are discovered (a peer is reported again when its addresses change).</summary>
    public IAsyncEnumerable<MdnsPeer> ReadDiscoveredAsync(CancellationToken cancellationToken = default) =>
        _discovered.Reader.ReadAllAsync(cancellationToken);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        _socket?.Dispose();
        foreach (Task? t in new[] { _receive, _query })
        {
            if (t is not null)
            {
                await t.ConfigureAwait(false);
            }
        }

        _discovered.Writer.TryComplete();
        _stopping.Dispose();
    }

    private async Task ReceiveLoopAsync(Socket socket, CancellationToken stop)
    {
        var buffer = new byte[DnsMessage.MaxMessageSize + 1];
        var any = new IPEndPoint(IPAddress.Any, 0);
        while (!stop.IsCancellationRequested)
        {
            int n;
            try
            {
                SocketReceiveFromResult r = await socket.ReceiveFromAsync(buffer, SocketFlags.None, any, stop).ConfigureAwait(false);
                n = r.ReceivedBytes;
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException)
            {
                return;
            }
            catch (SocketException)
            {
                // A transient ICMP error on a UDP socket; keep listening.
                continue;
            }

            DnsMessage m;
            try
            {
                m = DnsMessage.Decode(buffer.AsSpan(0, n));
            }
            catch (DnsFormatException)
            {
                Interlocked.Increment(ref _malformed);
                continue;
            }

            try
            {
                await HandleAsync(socket, m, stop).ConfigureAwait(false);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException)
            {
                return;
            }
            catch (SocketException)
            {
                // Our answer could not be sent; the next query will bring another chance.
            }
        }
    }

    private async Task HandleAsync(Socket socket, DnsMessage m, CancellationToken stop)
    {
        if (MdnsProtocol.AsksFor(m, _options.ServiceName))
        {
            DnsMessage answer = MdnsProtocol.Response(_options.ServiceName, _peerName, _host.PeerId, AdvertisedAddresses(), (uint)_options.Ttl.TotalSeconds);
            await socket.SendToAsync(answer.Encode(), SocketFlags.None, _group, stop).ConfigureAwait(false);
            return;
        }

        foreach ((PeerId peer, List<Multiaddress> addresses) in MdnsProtocol.Discovered(m, _options.ServiceName, _host.PeerId))
        {
            _host.PeerStore.AddAddresses(peer, addresses);
            string signature = string.Join(' ', addresses.Select(a => a.ToString()).Order(StringComparer.Ordinal));
            if (_known.TryGetValue(peer, out string? old) && old == signature)
            {
                continue;
            }

            if (_known.Count >= MaxKnownPeers)
            {
                _known.Clear();
            }

            _known[peer] = signature;
            _discovered.Writer.TryWrite(new MdnsPeer(peer, addresses));
        }
    }

    private async Task QueryLoopAsync(CancellationToken stop)
    {
        try
        {
            while (true)
            {
                try
                {
                    await QueryAsync(stop).ConfigureAwait(false);
                }
                catch (SocketException)
                {
                    // No route for multicast right now; try again at the next interval.
                }

                await Task.Delay(_options.QueryInterval, _options.TimeProvider, stop).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException)
        {
            // Stopping.
        }
    }

    /// <summary>Listen addresses over IP, with an unspecified address replaced by each interface's address.</summary>
    private List<Multiaddress> AdvertisedAddresses()
    {
        var list = new List<Multiaddress>();
        foreach (Multiaddress a in _host.ListenAddresses)
        {
            MultiaddrComponent first = a.Components[0];
            if (first.Code != MultiaddrCodes.Ip4 && first.Code != MultiaddrCodes.Ip6)
            {
                continue;
            }

            if (first.Code == MultiaddrCodes.Ip4 && new IPAddress(first.RawValue.Span).Equals(IPAddress.Any))
            {
                string rest = a.ToString()["/ip4/0.0.0.0".Length..];
                list.AddRange(LocalIPv4Addresses(includeLoopback: true).Select(ip => Multiaddress.Parse("/ip4/" + ip + rest)));
            }
            else
            {
                list.Add(a);
            }
        }

        return list;
    }

    private static List<IPAddress> LocalIPv4Addresses(bool includeLoopback) =>
        NetworkInterface.GetAllNetworkInterfaces()
            .Where(n => n.OperationalStatus == OperationalStatus.Up && (includeLoopback || n.NetworkInterfaceType != NetworkInterfaceType.Loopback))
            .SelectMany(n => n.GetIPProperties().UnicastAddresses)
            .Select(u => u.Address)
            .Where(ip => ip.AddressFamily == AddressFamily.InterNetwork)
            .Distinct()
            .ToList();
}
