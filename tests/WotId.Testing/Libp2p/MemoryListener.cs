// The listening side of MemoryTransport: a bounded accept backlog (house style point 11).
using System;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using WotId.Libp2p.Multiaddr;
using WotId.Libp2p.Transports;

namespace WotId.Testing.Libp2p;

/// <summary>A bound /memory listener.</summary>
internal sealed class MemoryListener : ITransportListener
{
    private const int Backlog = 64;

    private readonly MemoryNetwork _network;
    private readonly ulong _port;
    private readonly Channel<MemoryConnection> _backlog = Channel.CreateBounded<MemoryConnection>(Backlog);

    public MemoryListener(MemoryNetwork network, ulong port, Multiaddress localAddress)
    {
        _network = network;
        _port = port;
        LocalAddress = localAddress;
    }

    public Multiaddress LocalAddress { get; }

    public async Task<TransportConnection> AcceptAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await _backlog.Reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (ChannelClosedException)
        {
            throw new ObjectDisposedException(nameof(MemoryListener));
        }
    }

    public bool TryEnqueue(MemoryConnection connection) => _backlog.Writer.TryWrite(connection);

    public ValueTask DisposeAsync()
    {
        _network.Unbind(_port, this);
        _backlog.Writer.TryComplete();
        while (_backlog.Reader.TryRead(out MemoryConnection? pending))
        {
            pending.Abort();
        }

        return ValueTask.CompletedTask;
    }
}
