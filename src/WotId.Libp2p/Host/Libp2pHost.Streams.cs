// Streams: every new Yamux stream negotiates its protocol with multistream-select (libp2p/specs
// connections/README.md "Protocol Negotiation"); inbound streams are dispatched to registered handlers.
using System;
using System.Buffers;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using WotId.Libp2p.Multistream;
using WotId.Libp2p.Peer;
using WotId.Libp2p.Yamux;

namespace WotId.Libp2p.Host;

public sealed partial class Libp2pHost
{
    /// <summary>Opens a stream for <paramref name="protocolId"/> to <paramref name="peer"/>, connecting first if needed.</summary>
    /// <exception cref="HostException">
    /// No connection possible, the peer does not support the protocol, or (<see cref="HostError.StreamLimit"/>) our own
    /// streams of the protocol are at its limit (<see cref="Resources.ResourceLimits.MaxStreamsPerProtocol"/>).
    /// </exception>
    public async Task<Libp2pStream> OpenStreamAsync(PeerId peer, string protocolId, CancellationToken cancellationToken = default)
    {
        Libp2pConnection connection = await ConnectAsync(peer, cancellationToken).ConfigureAwait(false);
        return await OpenStreamOnAsync(connection, protocolId, cancellationToken).ConfigureAwait(false);
    }

    internal Task<Libp2pStream> OpenStreamOnAsync(Libp2pConnection connection, string protocolId, CancellationToken cancellationToken) =>
        OpenStreamOnAsync(connection, protocolId, optimistic: false, cancellationToken);

    /// <summary>
    /// Opens a stream and negotiates <paramref name="protocolId"/>. With <paramref name="optimistic"/> the proposal is
    /// sent without waiting for the answer (go-multistream lazyClient.go, js-libp2p "optimisticSelect"): the stream is
    /// returned at once, the caller's first bytes follow the proposal, and the answer is checked by the first read, which
    /// throws <see cref="HostError.ProtocolNotSupported"/> on a refusal. Only for callers that read before relying on
    /// the protocol (identify, ping); a listener that refuses reads the optimistic bytes as its next proposal and resets.
    /// </summary>
    internal async Task<Libp2pStream> OpenStreamOnAsync(Libp2pConnection connection, string protocolId, bool optimistic, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(protocolId);
        if (!_resources.TryAcquireProtocolStream(protocolId, connection.RemotePeer, outbound: true))
        {
            throw new HostException(HostError.StreamLimit, $"{protocolId}: {_resources.Limits.StreamLimitOf(protocolId)} streams of ours are open")
            {
                Scope = Resources.ResourceScope.Protocol,
                ResourceLimit = Resources.ResourceLimitKind.ProtocolStreams,
            };
        }

        YamuxStream stream;
        try
        {
            stream = await connection.Session.OpenStreamAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            _resources.ReleaseProtocolStream(protocolId, outbound: true);
            if (ex is YamuxException { Error: YamuxError.TooManyStreams } full && !connection.IsClosed)
            {
                // The connection's own limit (YamuxOptions.MaxOutboundStreams): counted like the other stream limits.
                _resources.Count(Resources.ResourceLimitKind.ConnectionStreams);
                throw new HostException(HostError.StreamLimit, "cannot open a stream: " + full.Message, full)
                {
                    Scope = Resources.ResourceScope.Connection,
                    ResourceLimit = Resources.ResourceLimitKind.ConnectionStreams,
                };
            }

            if (ex is YamuxException y)
            {
                HostError error = y.Error == YamuxError.OpenTimeout ? HostError.StreamOpenTimeout : HostError.ConnectionClosed;
                throw new HostException(error, "cannot open a stream: " + y.Message, y);
            }

            throw;
        }

        // The slot goes back when the session forgets the stream: closed both ways, reset, or the connection ended.
        stream.WhenRemoved(() => _resources.ReleaseProtocolStream(protocolId, outbound: true));

        connection.Touch();
        try
        {
            using var timeout = new TimeoutScope(_time, _options.NegotiationTimeout, cancellationToken);
            if (optimistic)
            {
                var proposal = new ArrayBufferWriter<byte>(64);
                MultistreamSelect.WriteOptimisticProposal(proposal, protocolId);
                await stream.WriteAsync(proposal.WrittenMemory, timeout.Token).ConfigureAwait(false);
                return new Libp2pStream(stream, connection, protocolId, unconfirmed: true);
            }

            await MultistreamSelect.SelectAsync(stream, [protocolId], timeout.Token).ConfigureAwait(false);
        }
        catch (MultistreamException ex) when (ex.Error == MultistreamError.NoProtocolInCommon)
        {
            stream.Abort();
            throw new HostException(HostError.ProtocolNotSupported, connection.RemotePeer + " does not support " + protocolId, ex);
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException)
        {
            stream.Abort();
            cancellationToken.ThrowIfCancellationRequested();
            HostError error = ex switch
            {
                YamuxException { Error: YamuxError.StreamReset } => HostError.StreamReset,
                YamuxException { Error: YamuxError.OpenTimeout } => HostError.StreamOpenTimeout,
                // Our NegotiationTimeout ran out while the connection is still up: the peer never answered.
                OperationCanceledException when !connection.IsClosed => HostError.StreamOpenTimeout,
                _ => HostError.ConnectionClosed,
            };
            string detail = ex is OperationCanceledException ? $"no answer within {_options.NegotiationTimeout.TotalSeconds:0.#} s" : ex.Message;
            throw ex as HostException ?? new HostException(error, "negotiating " + protocolId + " failed: " + detail, ex);
        }

        return new Libp2pStream(stream, connection, protocolId);
    }

    private async Task AcceptStreamsAsync(Libp2pConnection connection)
    {
        while (true)
        {
            YamuxStream stream;
            try
            {
                stream = await connection.Session.AcceptStreamAsync().ConfigureAwait(false);
            }
            catch (YamuxException)
            {
                return;
            }

            connection.Touch();
            connection.Tasks.Add(ServeStreamAsync(connection, stream));
        }
    }

    private async Task ServeStreamAsync(Libp2pConnection connection, YamuxStream stream)
    {
        CancellationToken stop = _stopping.Token;
        string protocol;
        try
        {
            using var timeout = new TimeoutScope(_time, _options.NegotiationTimeout, stop);
            // A shut gate answers "na" to the protocols it holds back (the dialer may retry once the gate opens).
            protocol = await MultistreamSelect.HandleAsync(stream, ServedProtocols(connection), p => OnRefused(connection, p), timeout.Token)
                .ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException)
        {
            Log.NegotiationFailed(Logger, connection.RemotePeer, ex);
            stream.Abort();
            return;
        }

        if (!_handlers.TryGetValue(protocol, out StreamHandler? handler))
        {
            // Removed between negotiation and dispatch.
            Log.ProtocolUnsupported(Logger, connection.RemotePeer, protocol);
            stream.Abort();
            return;
        }

        if (!_resources.TryAcquireProtocolStream(protocol, connection.RemotePeer))
        {
            stream.Abort();
            return;
        }

        var s = new Libp2pStream(stream, connection, protocol);
        try
        {
            await handler(s, stop).ConfigureAwait(false);
            s.CompleteWrites();
        }
        catch (Exception ex) when (ex is IOException or FormatException or OperationCanceledException)
        {
            // A peer's protocol error or a closed connection resets only this stream.
            Log.HandlerIoFailed(Logger, protocol, connection.RemotePeer, ex);
            s.Abort();
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Anything else is a bug in the handler; it still resets only its own stream.
            Log.HandlerFailed(Logger, protocol, connection.RemotePeer, ex);
            s.Abort();
        }
        finally
        {
            _resources.ReleaseProtocolStream(protocol);
            await s.DisposeAsync().ConfigureAwait(false);
        }
    }

    private void OnRefused(Libp2pConnection connection, string protocol)
    {
        if (_handlers.ContainsKey(protocol))
        {
            Log.ProtocolGated(Logger, protocol, connection.RemotePeer);
        }
        else
        {
            Log.ProtocolUnsupported(Logger, connection.RemotePeer, protocol);
        }
    }
}
