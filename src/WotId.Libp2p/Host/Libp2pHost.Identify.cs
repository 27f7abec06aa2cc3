// Identify on every connection, identify/push on protocol changes, and the ping/perf conveniences
// (libp2p/specs identify/README.md, ping/ping.md, perf/perf.md).
using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using WotId.Libp2p.Multiaddr;
using WotId.Libp2p.Peer;
using WotId.Libp2p.Protocols.Identify;
using WotId.Libp2p.Protocols.Perf;
using WotId.Libp2p.Protocols.Ping;
using WotId.Libp2p.Protocols.Relay;

namespace WotId.Libp2p.Host;

public sealed partial class Libp2pHost
{
    /// <summary>Asks the peer for its identify message on <paramref name="connection"/> and records it.</summary>
    public async Task<IdentifyMessage> IdentifyAsync(Libp2pConnection connection, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        // Optimistic: the request is only a proposal and a half-close, and the answer is read first anyway.
        Libp2pStream stream = await OpenStreamOnAsync(connection, IdentifyProtocol.ProtocolId, optimistic: true, cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            stream.CompleteWrites();
            IdentifyMessage message = await IdentifyProtocol.ReadAsync(stream, cancellationToken).ConfigureAwait(false);
            Apply(connection.RemotePeer, message, isPush: false);
            return message;
        }
    }

    /// <summary>Opens a ping stream to <paramref name="peer"/>, pings <paramref name="count"/> times, returns the RTTs.</summary>
    public async Task<IReadOnlyList<TimeSpan>> PingAsync(PeerId peer, int count = 1, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        // Optimistic: the first ping travels with the proposal, and its echo comes after the answer.
        Libp2pConnection connection = await ConnectAsync(peer, cancellationToken).ConfigureAwait(false);
        Libp2pStream stream = await OpenStreamOnAsync(connection, PingProtocol.ProtocolId, optimistic: true, cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            var rtts = new List<TimeSpan>(count);
            for (int i = 0; i < count; i++)
            {
                rtts.Add(await PingProtocol.PingAsync(stream, cancellationToken).ConfigureAwait(false));
            }

            stream.CompleteWrites();
            return rtts;
        }
    }

    /// <summary>Runs <c>/perf/1.0.0</c> against <paramref name="peer"/>.</summary>
    public async Task<PerfResult> PerfAsync(PeerId peer, long uploadBytes, long downloadBytes, CancellationToken cancellationToken = default)
    {
        Libp2pStream stream = await OpenStreamAsync(peer, PerfProtocol.ProtocolId, cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            return await PerfProtocol.RunAsync(stream, stream.CompleteWrites, uploadBytes, downloadBytes, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Sends identify/push to every connected peer.</summary>
    public async Task PushIdentifyAsync(CancellationToken cancellationToken = default)
    {
        foreach (Libp2pConnection c in Connections)
        {
            try
            {
                Libp2pStream s = await OpenStreamOnAsync(c, IdentifyProtocol.PushProtocolId, cancellationToken).ConfigureAwait(false);
                await using (s.ConfigureAwait(false))
                {
                    await IdentifyProtocol.WriteAsync(s, BuildIdentify(null), cancellationToken).ConfigureAwait(false);
                    s.CompleteWrites();
                }
            }
            catch (IOException ex)
            {
                // That peer does not take pushes or is gone; the others still get theirs.
                Log.PushFailed(Logger, c.RemotePeer, ex);
            }
        }
    }

    /// <summary>Our identify message; <paramref name="connection"/> supplies the observed address.</summary>
    internal IdentifyMessage BuildIdentify(Libp2pConnection? connection)
    {
        var m = new IdentifyMessage
        {
            ProtocolVersion = _options.ProtocolVersion,
            AgentVersion = _options.AgentVersion,
            PublicKey = _options.Identity.PublicKey.Encode(),
            ObservedAddr = connection?.RemoteAddress.ToBytes(),
            SignedPeerRecord = _signedRecord,
        };
        foreach (Multiaddress a in ListenAddresses)
        {
            m.ListenAddrs.Add(a.ToBytes());
        }

        // Circuit addresses are listen addresses too (js announces `<relay>/p2p/<relay>/p2p-circuit`), without our id.
        foreach (RelayReservationLease lease in Reservations)
        {
            foreach (Multiaddress a in lease.CircuitAddresses)
            {
                m.ListenAddrs.Add(a.DecapsulateCode(MultiaddrCodes.P2p).ToBytes());
            }
        }

        m.Protocols.AddRange(Protocols);
        return m;
    }

    /// <summary>
    /// Seals a new signed peer record (libp2p/specs RFC 0003) over our listen addresses and the circuit addresses of
    /// the reservations held now (without our <c>/p2p</c>, as in identify's listenAddrs), with a sequence number
    /// above every earlier one.
    /// </summary>
    private void ResealPeerRecord()
    {
        var addresses = new List<Multiaddress>(ListenAddresses);
        foreach (RelayReservationLease lease in Reservations)
        {
            addresses.AddRange(lease.CircuitAddresses.Select(a => a.DecapsulateCode(MultiaddrCodes.P2p)));
        }

        lock (_lock)
        {
            _recordSequence = Math.Max((ulong)_time.GetUtcNow().ToUnixTimeMilliseconds(), _recordSequence + 1);
            _signedRecord = new PeerRecord(PeerId, _recordSequence, addresses.Distinct().ToList()).Seal(_options.Identity);
        }
    }

    /// <summary>A reservation started or ended: a fresh signed peer record, pushed to the connected peers.</summary>
    private void OnAddressesChanged()
    {
        if (Volatile.Read(ref _state) == 1)
        {
            ResealPeerRecord();
            SchedulePush();
        }
    }

    private void SchedulePush()
    {
        if (Volatile.Read(ref _state) == 1 && Connections.Count > 0)
        {
            _tasks.Add(PushIdentifyAsync(_stopping.Token));
        }
    }

    private async Task IdentifyOnConnectAsync(Libp2pConnection connection)
    {
        try
        {
            using var timeout = new TimeoutScope(_time, _options.IdentifyTimeout, _stopping.Token);
            IdentifyMessage message = await IdentifyAsync(connection, timeout.Token).ConfigureAwait(false);
            connection.SetIdentified(message);
            Log.Identified(Logger, connection.RemotePeer, message.AgentVersion);
            Emit(HostEventKind.Identified, connection);
            StartAutoNatProbe(connection, message);
        }
        catch (Exception ex) when (ex is IOException or FormatException or OperationCanceledException)
        {
            connection.SetIdentifyFailed(ex);
            Log.IdentifyFailed(Logger, connection.RemotePeer, ex);
            Emit(HostEventKind.IdentifyFailed, connection, error: ex);
            if (ex is IdentifyFormatException { Error: IdentifyError.PeerIdMismatch })
            {
                await connection.CloseAsync("identify: public key does not match the peer id").ConfigureAwait(false);
                return;
            }
        }

        if (_options.ConnectionGate is { } gate && !connection.IsClosed && !_stopping.IsCancellationRequested)
        {
            await ApplyGateAsync(connection, gate).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Serves identify: writes our message, half-closes, and waits for the requester to close its side, all within
    /// <see cref="Libp2pHostOptions.IdentifyTimeout"/>, so a requester cannot leave the stream (and the connection) open.
    /// </summary>
    private async Task HandleIdentifyAsync(Libp2pStream stream, CancellationToken cancellationToken)
    {
        using var timeout = new TimeoutScope(_time, _options.IdentifyTimeout, cancellationToken);
        await IdentifyProtocol.WriteAsync(stream, BuildIdentify(stream.Connection), timeout.Token).ConfigureAwait(false);
        stream.CompleteWrites();
        var rest = new byte[64];
        while (await stream.ReadAsync(rest, timeout.Token).ConfigureAwait(false) > 0)
        {
            // The requester has nothing to say on this protocol; anything it sends is read and dropped until it closes.
        }
    }

    private async Task HandleIdentifyPushAsync(Libp2pStream stream, CancellationToken cancellationToken)
    {
        using var timeout = new TimeoutScope(_time, _options.IdentifyTimeout, cancellationToken);
        IdentifyMessage message = await IdentifyProtocol.ReadAsync(stream, timeout.Token).ConfigureAwait(false);
        Apply(stream.RemotePeer, message, isPush: true);
    }

    /// <summary>Records an identify message; a key that does not match the authenticated peer is rejected.</summary>
    private void Apply(PeerId peer, IdentifyMessage message, bool isPush)
    {
        if (message.PublicKey is not null)
        {
            PeerPublicKey key;
            try
            {
                key = PeerPublicKey.Decode(message.PublicKey);
            }
            catch (FormatException)
            {
                throw new IdentifyFormatException(IdentifyError.BadPublicKey, "identify public key does not decode");
            }

            if (!peer.Matches(key))
            {
                throw new IdentifyFormatException(IdentifyError.PeerIdMismatch, "identify public key does not match the connection's peer");
            }

            PeerStore.SetPublicKey(peer, key);
        }

        bool fromRecord = false;
        if (message.SignedPeerRecord is not null)
        {
            try
            {
                PeerRecord record = PeerRecord.Open(message.SignedPeerRecord);
                fromRecord = record.PeerId == peer && PeerStore.TryUpdateFromRecord(record);
            }
            catch (IdentifyFormatException)
            {
                // A bad record is ignored; the unsigned addresses still count.
            }
        }

        if (!fromRecord)
        {
            PeerStore.AddAddresses(peer, message.ParsedListenAddrs());
        }

        if (!isPush || message.Protocols.Count > 0)
        {
            PeerStore.SetProtocols(peer, message.Protocols);
        }

        if (message.AgentVersion is not null)
        {
            PeerStore.SetAgentVersion(peer, message.AgentVersion);
        }
    }
}
