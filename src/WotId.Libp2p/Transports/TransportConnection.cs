// libp2p/specs connections/README.md: a raw connection is a reliable, ordered, bidirectional byte stream with
// half-close (FIN) and abort (RST) semantics, like a TCP socket.
using System.Diagnostics.CodeAnalysis;
using System.IO;
using WotId.Libp2p.Multiaddr;

namespace WotId.Libp2p.Transports;

/// <summary>A raw transport connection: a byte <see cref="Stream"/> with addresses, half-close and abort.</summary>
[SuppressMessage("Naming", "CA1710:Identifiers should have correct suffix", Justification = "Named after the libp2p concept; the name is the agreed contract with the Host layer.")]
public abstract class TransportConnection : Stream
{
    /// <summary>Creates the connection with its addresses.</summary>
    protected TransportConnection(Multiaddress localAddress, Multiaddress remoteAddress)
    {
        LocalAddress = localAddress;
        RemoteAddress = remoteAddress;
    }

    /// <summary>Our side's address.</summary>
    public Multiaddress LocalAddress { get; }

    /// <summary>The remote side's address.</summary>
    public Multiaddress RemoteAddress { get; }

    /// <summary>True when this side dialed the connection.</summary>
    public abstract bool IsInitiator { get; }

    /// <summary>
    /// The pending-inbound slot a listener took for this connection before handing it over (WebSocket listeners admit
    /// a connection before its HTTP upgrade); the host takes it over and releases it when its own upgrade ends.
    /// </summary>
    internal InboundLease? AdmissionLease { get; set; }

    /// <inheritdoc />
    public override bool CanRead => true;

    /// <inheritdoc />
    public override bool CanWrite => true;

    /// <inheritdoc />
    public override bool CanSeek => false;

    /// <inheritdoc />
    public override long Length => throw new System.NotSupportedException();

    /// <inheritdoc />
    public override long Position
    {
        get => throw new System.NotSupportedException();
        set => throw new System.NotSupportedException();
    }

    /// <summary>
    /// Half-closes: no more writes; the remote reads end-of-stream after the data already written. Reading continues.
    /// Idempotent.
    /// </summary>
    public abstract void CompleteWrites();

    /// <summary>Tears the connection down at once (TCP RST where possible); pending operations fail.</summary>
    public abstract void Abort();

    /// <inheritdoc />
    public override long Seek(long offset, SeekOrigin origin) => throw new System.NotSupportedException();

    /// <inheritdoc />
    public override void SetLength(long value) => throw new System.NotSupportedException();

    /// <inheritdoc />
    public override void Flush()
    {
    }

    /// <inheritdoc />
    public override string ToString() => LocalAddress + " <-> " + RemoteAddress;
}
