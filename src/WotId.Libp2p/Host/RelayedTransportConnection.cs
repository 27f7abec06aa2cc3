// libp2p/specs relay/circuit-v2.md, "Interaction": after STATUS OK the hop stream (at the dialer) and the stop stream
// (at the target) carry a fresh raw connection that is upgraded like TCP (multistream → /noise → muxer), the dialer
// being the initiator. This class presents such a stream as a TransportConnection.
using System;
using System.Threading;
using System.Threading.Tasks;
using WotId.Libp2p.Multiaddr;

namespace WotId.Libp2p.Host;

/// <summary>A relayed raw connection: a hop or stop stream on the connection to the relay.</summary>
internal sealed class RelayedTransportConnection : Transports.TransportConnection
{
    private readonly Libp2pStream _stream;
    private readonly bool _isInitiator;

    public RelayedTransportConnection(Libp2pStream stream, bool isInitiator, Multiaddress localAddress, Multiaddress remoteAddress)
        : base(localAddress, remoteAddress)
    {
        _stream = stream;
        _isInitiator = isInitiator;
    }

    public override bool IsInitiator => _isInitiator;

    /// <summary>The connection to the relay that carries this circuit.</summary>
    public Libp2pConnection RelayConnection => _stream.Connection;

    public override int Read(byte[] buffer, int offset, int count) => _stream.Read(buffer, offset, count);

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        _stream.ReadAsync(buffer, cancellationToken);

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        _stream.ReadAsync(buffer, offset, count, cancellationToken);

    public override void Write(byte[] buffer, int offset, int count) => _stream.Write(buffer, offset, count);

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) =>
        _stream.WriteAsync(buffer, cancellationToken);

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        _stream.WriteAsync(buffer, offset, count, cancellationToken);

    public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public override void CompleteWrites() => _stream.CompleteWrites();

    public override void Abort() => _stream.Abort();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _stream.Dispose();
        }

        base.Dispose(disposing);
    }
}
