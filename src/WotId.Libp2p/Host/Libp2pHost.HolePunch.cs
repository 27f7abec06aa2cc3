// DCUtR (libp2p/specs relay/DCUtR.md) and TCP hole punching (connections/hole-punching.md). B, the side with the
// inbound relayed connection, drives: it opens /libp2p/dcutr, sends CONNECT with its addresses, measures the RTT until
// A's CONNECT, sends SYNC and dials A after RTT/2; A dials B as soon as SYNC arrives. Both dial from their TCP listen
// port (SO_REUSEPORT), so the SYNs cross (simultaneous open) or one reaches the other's listener. Whatever TCP
// connection results, A is the client for everything on top (Noise initiator, odd Yamux ids), as the spec demands.
// B retries up to 3 times and closes the relayed connection once a direct one is up.
using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using WotId.Libp2p.Multiaddr;
using WotId.Libp2p.Peer;
using WotId.Libp2p.Protocols.Dcutr;
using WotId.Libp2p.Protocols.Identify;
using WotId.Libp2p.Transports;
using RelayLog = WotId.Libp2p.Protocols.Relay.Log;

namespace WotId.Libp2p.Host;

public sealed partial class Libp2pHost
{
    /// <summary>Punches in progress, by the remote TCP endpoint we expect a connection from.</summary>
    private readonly ConcurrentDictionary<IPEndPoint, Punch> _punches = new();

    /// <summary>How often, and how long apart, a refused /libp2p/dcutr (the peer's gate still shut) is tried again.</summary>
    private const int MaxGateRefusals = 20;
    private static readonly TimeSpan s_gateRefusalDelay = TimeSpan.FromMilliseconds(250);

    /// <summary>
    /// Drives a DCUtR hole punch over <paramref name="relayed"/> (an inbound relayed connection) and returns the direct
    /// connection; the relayed connection is closed after success. Runs by itself when
    /// <see cref="Libp2pHostOptions.HolePunching"/> is on.
    /// </summary>
    /// <exception cref="HostException"><see cref="HostError.HolePunchFailed"/> after the last attempt.</exception>
    public async Task<Libp2pConnection> HolePunchAsync(Libp2pConnection relayed, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(relayed);
        if (!relayed.IsRelayed)
        {
            throw new ArgumentException("hole punching upgrades a relayed connection", nameof(relayed));
        }

        Exception? last = null;
        int refusals = 0;
        for (int attempt = 1; attempt <= DcutrProtocol.MaxAttempts; attempt++)
        {
            try
            {
                Libp2pConnection direct = await DriveAttemptAsync(relayed, cancellationToken).ConfigureAwait(false);
                RelayLog.HolePunch(Logger, relayed.RemotePeer, "direct connection", attempt);

                // With a gate, the relayed connection goes only once the direct one is verified too (or closed).
                await Task.WhenAny(direct.GateOpened, direct.Completion).WaitAsync(cancellationToken).ConfigureAwait(false);
                if (!direct.IsGateOpen)
                {
                    throw new HostException(HostError.HolePunchFailed, "the direct connection to " + relayed.RemotePeer + " closed before its gate opened: " + direct.CloseReason);
                }

                await relayed.CloseAsync("upgraded to a direct connection").ConfigureAwait(false);
                return direct;
            }
            catch (Exception ex) when (ex is IOException or FormatException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
            {
                last = ex;
                RelayLog.HolePunch(Logger, relayed.RemotePeer, "failed: " + ex.Message, attempt);
                if (relayed.IsClosed)
                {
                    break;
                }

                if (ex is HostException { Error: HostError.ProtocolNotSupported } && refusals++ < MaxGateRefusals)
                {
                    // A gated peer serves /libp2p/dcutr only once its own gate opens, which can be a moment after
                    // ours (the side that reads the last handshake message opens last): wait, and do not count it.
                    attempt--;
                    await Task.Delay(s_gateRefusalDelay, _time, cancellationToken).ConfigureAwait(false);
                }
            }
        }

        throw new HostException(HostError.HolePunchFailed, "hole punch with " + relayed.RemotePeer + " failed", last);
    }

    /// <summary>True while a punch with <paramref name="peer"/> expects connections (tests wait on its end).</summary>
    internal bool IsPunching(PeerId peer) => _punches.Values.Any(p => p.Peer == peer);

    partial void OnInboundRelayed(Libp2pConnection connection)
    {
        if (_options.HolePunching)
        {
            connection.Tasks.Add(AutoHolePunchAsync(connection));
        }
    }

    private async Task AutoHolePunchAsync(Libp2pConnection relayed)
    {
        try
        {
            // With a connection gate, DCUtR waits until the connection is verified: an unverified peer learns none of
            // our addresses, and a gated peer would refuse the protocol before then anyway.
            await relayed.GateOpened.WaitAsync(relayed.Closing).ConfigureAwait(false);
            await HolePunchAsync(relayed, relayed.Closing).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is HostException or OperationCanceledException or ArgumentException)
        {
            // Logged per attempt; the relayed connection stays in use.
        }
    }

    private async Task<Libp2pConnection> DriveAttemptAsync(Libp2pConnection relayed, CancellationToken cancellationToken)
    {
        using var timeout = new TimeoutScope(_time, DcutrProtocol.AttemptTimeout, cancellationToken);
        CancellationToken token = timeout.Token;
        await using Libp2pStream stream = await relayed.OpenStreamAsync(DcutrProtocol.ProtocolId, token).ConfigureAwait(false);
        long start = _time.GetTimestamp();
        List<Multiaddress> ours = HolePunchAddresses();
        await DcutrProtocol.WriteAsync(stream, new HolePunchMessage(HolePunchType.Connect, ours), token).ConfigureAwait(false);
        RelayLog.DcutrConnect(Logger, "sent to", relayed.RemotePeer, ours);
        HolePunchMessage theirs = await DcutrProtocol.ReadAsync(stream, HolePunchType.Connect, token).ConfigureAwait(false);
        TimeSpan rtt = _time.GetElapsedTime(start);
        RelayLog.DcutrConnect(Logger, "received from", relayed.RemotePeer, theirs.ObservedAddresses);
        using Punch punch = RegisterPunch(relayed.RemotePeer, initiator: false, theirs.ObservedAddresses);
        await DcutrProtocol.WriteAsync(stream, new HolePunchMessage(HolePunchType.Sync, []), token).ConfigureAwait(false);
        RelayLog.DcutrSyncSent(Logger, relayed.RemotePeer, (long)rtt.TotalMilliseconds);
        stream.CompleteWrites();
        await Task.Delay(rtt / 2, _time, token).ConfigureAwait(false);
        return await PunchAsync(punch, token).ConfigureAwait(false);
    }

    /// <summary>The /libp2p/dcutr handler: we dialed through the relay (A); answer CONNECT, punch on SYNC.</summary>
    private async Task HandleDcutrAsync(Libp2pStream stream, CancellationToken cancellationToken)
    {
        if (!stream.Connection.IsRelayed)
        {
            stream.Abort();
            return;
        }

        using var timeout = new TimeoutScope(_time, DcutrProtocol.AttemptTimeout, cancellationToken);
        CancellationToken token = timeout.Token;
        HolePunchMessage theirs = await DcutrProtocol.ReadAsync(stream, HolePunchType.Connect, token).ConfigureAwait(false);
        RelayLog.DcutrConnect(Logger, "received from", stream.RemotePeer, theirs.ObservedAddresses);
        // Registered before B can know our addresses: its dial may arrive as soon as our CONNECT is out.
        using Punch punch = RegisterPunch(stream.RemotePeer, initiator: true, theirs.ObservedAddresses);
        List<Multiaddress> ours = HolePunchAddresses();
        await DcutrProtocol.WriteAsync(stream, new HolePunchMessage(HolePunchType.Connect, ours), token).ConfigureAwait(false);
        RelayLog.DcutrConnect(Logger, "sent to", stream.RemotePeer, ours);
        await DcutrProtocol.ReadAsync(stream, HolePunchType.Sync, token).ConfigureAwait(false);
        RelayLog.DcutrSyncReceived(Logger, stream.RemotePeer);

        // B retries when its own dial failed, even when ours succeeded (js-libp2p does: its dial from an ephemeral port
        // cannot pass our NAT): one direct connection is enough.
        if (Connections.Any(c => c.RemotePeer == stream.RemotePeer && !c.IsRelayed && !c.IsClosed))
        {
            RelayLog.PunchNotNeeded(Logger, stream.RemotePeer);
            return;
        }

        try
        {
            await PunchAsync(punch, token).ConfigureAwait(false);
        }
        catch (HostException ex)
        {
            RelayLog.HolePunch(Logger, stream.RemotePeer, "failed: " + ex.Message, 0);
        }
    }

    /// <summary>
    /// Addresses for CONNECT: our TCP listen addresses (not unspecified ones) and, for each address a peer observed us
    /// at on a direct connection, its IP with our listen port (a port-preserving NAT maps the listen port to itself).
    /// </summary>
    private List<Multiaddress> HolePunchAddresses()
    {
        var result = new List<Multiaddress>();
        foreach (Multiaddress listen in ListenAddresses)
        {
            if (!IsPlainTcp(listen) || !listen.TryGetTcpEndPoint(out IPEndPoint? ep))
            {
                continue;
            }

            if (!ep!.Address.Equals(IPAddress.Any) && !ep.Address.Equals(IPAddress.IPv6Any))
            {
                result.Add(listen);
            }

            foreach (Libp2pConnection c in Connections.Where(c => !c.IsRelayed && c.Identified.IsCompletedSuccessfully))
            {
                Multiaddress? observed = c.Identified.Result.ParsedObservedAddr();
                if (observed is not null && observed.TryGetTcpEndPoint(out IPEndPoint? seen) && seen!.AddressFamily == ep.AddressFamily)
                {
                    Multiaddress predicted = TcpAddressing.ToMultiaddress(new IPEndPoint(seen.Address, ep.Port));
                    if (!result.Contains(predicted))
                    {
                        result.Add(predicted);
                    }
                }
            }
        }

        return result;
    }

    private static bool IsPlainTcp(Multiaddress a) =>
        a.Components.Count >= 2 && a.Components.Skip(2).All(c => c.Code == MultiaddrCodes.P2p) && a.TryGetTcpEndPoint(out _);

    private Punch RegisterPunch(PeerId peer, bool initiator, IReadOnlyList<Multiaddress> addresses)
    {
        var targets = new List<IPEndPoint>();
        foreach (Multiaddress a in addresses.Where(IsPlainTcp).Take(8))
        {
            a.TryGetTcpEndPoint(out IPEndPoint? ep);
            targets.Add(ep!);
        }

        var punch = new Punch(this, peer, initiator, targets);
        foreach (IPEndPoint ep in targets)
        {
            _punches[ep] = punch;
        }

        return punch;
    }

    /// <summary>Dials every target from our listen port until one dial, or the listener, yields the connection.</summary>
    private async Task<Libp2pConnection> PunchAsync(Punch punch, CancellationToken cancellationToken)
    {
        using var done = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var dials = new List<Task>();
        foreach (IPEndPoint target in punch.Targets)
        {
            IPEndPoint? local = ListenAddresses.Where(IsPlainTcp)
                .Select(a => { a.TryGetTcpEndPoint(out IPEndPoint? ep); return ep!; })
                .FirstOrDefault(ep => ep.AddressFamily == target.AddressFamily);
            if (local is not null)
            {
                dials.Add(DialPunchAsync(punch, local, target, done.Token));
            }
        }

        if (dials.Count == 0)
        {
            throw new HostException(HostError.HolePunchFailed, "no TCP address to punch to " + punch.Peer);
        }

        Task<Libp2pConnection> result = punch.Result.Task;
        Task all = Task.WhenAll(dials);
        await Task.WhenAny(result, all, Task.Delay(Timeout.Infinite, cancellationToken)).ConfigureAwait(false);
        await done.CancelAsync().ConfigureAwait(false);
        try
        {
            await all.ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is OperationCanceledException)
        {
            // Dials still retrying when the punch ended.
        }

        if (result.IsCompletedSuccessfully)
        {
            return result.Result;
        }

        cancellationToken.ThrowIfCancellationRequested();
        throw new HostException(HostError.HolePunchFailed, "no direct connection to " + punch.Peer);
    }

    /// <summary>Retries one simultaneous-open dial every 50 ms until it connects and upgrades, or the punch ends.</summary>
    private async Task DialPunchAsync(Punch punch, IPEndPoint local, IPEndPoint target, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested && !punch.Result.Task.IsCompleted)
        {
            TransportConnection raw;
            try
            {
                raw = await TcpTransport.DialFromAsync(local, target, cancellationToken).ConfigureAwait(false);
            }
            catch (TransportException ex)
            {
                RelayLog.PunchDialFailed(Logger, local, target, ex);
                await Task.Delay(TimeSpan.FromMilliseconds(50), _time, cancellationToken).ConfigureAwait(false);
                continue;
            }

            await UpgradePunchedAsync(raw, punch, "our dial to their listener or a simultaneous open", cancellationToken).ConfigureAwait(false);
            return;
        }
    }

    /// <summary>
    /// An accepted TCP connection that a punch in progress expects: upgraded with the punch's role. Expected is one of
    /// the addresses the peer sent in CONNECT or, failing that, its IP from any port: a peer whose TCP transport cannot
    /// dial from its listen port (js-libp2p on Node.js) dials from an ephemeral one, and DCUtR.md still fixes the roles
    /// (B, dialing, is the multistream-select server), so the connection must not be upgraded as a plain inbound one.
    /// </summary>
    private bool TryTakePunched(TransportConnection raw, InboundLease lease)
    {
        if (!raw.RemoteAddress.TryGetTcpEndPoint(out IPEndPoint? remote))
        {
            return false;
        }

        if (!_punches.TryGetValue(remote!, out Punch? punch))
        {
            punch = _punches.FirstOrDefault(p => p.Key.Address.Equals(remote!.Address)).Value;
            if (punch is null)
            {
                return false;
            }
        }

        _tasks.Add(UpgradeAcceptedPunchAsync(raw, punch, lease));
        return true;
    }

    private async Task UpgradeAcceptedPunchAsync(TransportConnection raw, Punch punch, InboundLease lease)
    {
        try
        {
            await UpgradePunchedAsync(raw, punch, "their dial to our listener", _stopping.Token).ConfigureAwait(false);
        }
        finally
        {
            lease.Dispose();
        }
    }

    private async Task UpgradePunchedAsync(TransportConnection raw, Punch punch, string path, CancellationToken cancellationToken)
    {
        try
        {
            Libp2pConnection c = await UpgradeAsync(raw, punch.Initiator, punch.Peer, cancellationToken).ConfigureAwait(false);
            if (punch.Result.TrySetResult(c))
            {
                RelayLog.HolePunchPath(Logger, punch.Peer, path, c.RemoteAddress);
            }
            else if (punch.Result.Task.IsCompletedSuccessfully && !ReferenceEquals(punch.Result.Task.Result, c))
            {
                // The other path won already; one direct connection is enough.
                await c.CloseAsync("duplicate hole punch connection").ConfigureAwait(false);
            }

            // Otherwise the punch ended while this upgrade ran: A's handler saw this very connection open (the peer's
            // dial arrived before its SYNC was read) and found no punch needed. The connection is the direct one; kept.
        }
        catch (HostException ex) when (!punch.Result.Task.IsCompleted)
        {
            RelayLog.HolePunch(Logger, punch.Peer, "upgrade failed: " + ex.Message, 0);
        }
        catch (HostException)
        {
            // The other path won while this one was still upgrading (e.g. our dial reached a listener that, not knowing
            // the punch, took the server role too, so neither side started Noise): it was cancelled.
        }
    }

    /// <summary>A hole punch in progress: who, in which role, to which endpoints; removes itself when disposed.</summary>
    private sealed class Punch : IDisposable
    {
        private readonly Libp2pHost _host;

        public Punch(Libp2pHost host, PeerId peer, bool initiator, List<IPEndPoint> targets)
        {
            _host = host;
            Peer = peer;
            Initiator = initiator;
            Targets = targets;
        }

        public PeerId Peer { get; }

        public bool Initiator { get; }

        public List<IPEndPoint> Targets { get; }

        public TaskCompletionSource<Libp2pConnection> Result { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Dispose()
        {
            foreach (IPEndPoint ep in Targets)
            {
                _host._punches.TryRemove(new KeyValuePair<IPEndPoint, Punch>(ep, this));
            }

            Result.TrySetCanceled();
        }
    }
}
