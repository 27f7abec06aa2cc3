// An in-process libp2p transport over duplex pipes, so multi-node tests run without sockets and on fake time (house
// style point 18; rust-libp2p core/src/transport/memory.rs). Addresses are /memory/<u64>: the multicodec table's
// registered "memory" code 0x0309, which WotId.Libp2p's multiaddr codec already knows (as a length-prefixed text
// value, like js multiaddr 13; a u64 in decimal is also the value rust-libp2p prints). /memory/0 picks a free number.
// Real sockets stay the proof for interop and transport tests.
using System;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using WotId.Libp2p.Multiaddr;
using WotId.Libp2p.Transports;

namespace WotId.Testing.Libp2p;

/// <summary>Dials and listens on <c>/memory/&lt;n&gt;</c> addresses of one <see cref="MemoryNetwork"/>.</summary>
public sealed class MemoryTransport : ITransport
{
    private readonly MemoryNetwork _network;

    /// <summary>Creates a transport attached to <paramref name="network"/>.</summary>
    public MemoryTransport(MemoryNetwork network)
    {
        _network = network ?? throw new ArgumentNullException(nameof(network));
    }

    /// <summary>A listen address that picks a free number.</summary>
    public static Multiaddress AnyAddress { get; } = Multiaddress.Parse("/memory/0");

    /// <inheritdoc />
    public bool CanDial(Multiaddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        int n = address.Components.Count;
        return (n == 1 || (n == 2 && address.Components[1].Code == MultiaddrCodes.P2p)) && TryGetPort(address, out _);
    }

    /// <inheritdoc />
    public bool CanListen(Multiaddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        return address.Components.Count == 1 && TryGetPort(address, out _);
    }

    /// <inheritdoc />
    public Task<TransportConnection> DialAsync(Multiaddress address, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (!CanDial(address) || !TryGetPort(address, out ulong port))
        {
            throw new TransportException(TransportError.UnsupportedAddress, "not a /memory address: " + address);
        }

        MemoryListener listener = _network.Find(port)
            ?? throw new TransportException(TransportError.ConnectFailed, "nothing listens on /memory/" + port);
        Multiaddress local = Address(_network.NextPort());
        (MemoryConnection client, MemoryConnection server) = MemoryConnection.CreatePair(local, listener.LocalAddress);
        if (!listener.TryEnqueue(server))
        {
            client.Abort();
            server.Abort();
            throw new TransportException(TransportError.ConnectFailed, "the accept backlog of /memory/" + port + " is full or closed");
        }

        return Task.FromResult<TransportConnection>(client);
    }

    /// <inheritdoc />
    public Task<ITransportListener> ListenAsync(Multiaddress address, CancellationToken cancellationToken)
    {
        if (!CanListen(address) || !TryGetPort(address, out ulong port))
        {
            throw new TransportException(TransportError.UnsupportedAddress, "not a /memory address: " + address);
        }

        if (port == 0)
        {
            port = _network.NextPort();
        }

        var listener = new MemoryListener(_network, port, Address(port));
        if (!_network.TryBind(port, listener))
        {
            throw new TransportException(TransportError.ListenFailed, "/memory/" + port + " is taken");
        }

        return Task.FromResult<ITransportListener>(listener);
    }

    private static Multiaddress Address(ulong port) => Multiaddress.Parse("/memory/" + port.ToString(CultureInfo.InvariantCulture));

    private static bool TryGetPort(Multiaddress address, out ulong port)
    {
        port = 0;
        MultiaddrComponent first = address.Components[0];
        return first.Code == MultiaddrCodes.Memory && ulong.TryParse(first.Value, NumberStyles.None, CultureInfo.InvariantCulture, out port);
    }
}
