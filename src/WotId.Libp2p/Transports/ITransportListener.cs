using System;
using System.Threading;
using System.Threading.Tasks;
using WotId.Libp2p.Multiaddr;

namespace WotId.Libp2p.Transports;

/// <summary>A bound listener of one transport. Dispose to stop listening (accepted connections stay open).</summary>
public interface ITransportListener : IAsyncDisposable
{
    /// <summary>The address actually bound (with the real port when 0 was asked for).</summary>
    Multiaddress LocalAddress { get; }

    /// <summary>Waits for the next inbound connection.</summary>
    /// <exception cref="ObjectDisposedException">The listener was disposed.</exception>
    /// <exception cref="OperationCanceledException">Cancelled.</exception>
    Task<TransportConnection> AcceptAsync(CancellationToken cancellationToken);
}
