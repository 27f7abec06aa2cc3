// AutoNAT v2 on the host (libp2p/specs autonat/autonat-v2.md): the client asks servers to dial one of our addresses
// and proves the dial by the nonce arriving on /libp2p/autonat/2/dial-back; the tracker turns the verdicts of several
// servers into a reachability per address. The server side is served when Libp2pHostOptions.AutoNatService is set.
using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Threading;
using System.Threading.Tasks;
using WotId.Libp2p.Multiaddr;
using WotId.Libp2p.Peer;
using WotId.Libp2p.Protocols;
using WotId.Libp2p.Protocols.AutoNat;
using WotId.Libp2p.Protocols.Identify;
using AutoNatLog = WotId.Libp2p.Protocols.AutoNat.Log;

namespace WotId.Libp2p.Host;

public sealed partial class Libp2pHost
{
    /// <summary>Checks in flight at once from this host (each holds one nonce).</summary>
    private const int MaxAutoNatChecks = 16;

    private readonly ConcurrentDictionary<ulong, TaskCompletionSource> _autoNatNonces = new();
    private readonly SemaphoreSlim _autoNatChecks = new(MaxAutoNatChecks, MaxAutoNatChecks);
    private ReachabilityTracker _reachability = null!;
    private AutoNatServer? _autoNatServer;

    /// <summary>Our reachability so far: public when a server majority dialed one of our addresses back.</summary>
    public Reachability Reachability => _reachability.Overall();

    /// <summary>What the AutoNAT servers asked so far say about each of our addresses.</summary>
    public IReadOnlyList<AddressReachability> AddressReachability => _reachability.Snapshot();

    /// <summary>
    /// Our candidate public addresses: TCP listen addresses that are not unspecified, and the IPs peers observed us
    /// at with our listen port. These are what <see cref="ProbeReachabilityAsync"/> tests by default.
    /// </summary>
    public IReadOnlyList<Multiaddress> ReachabilityCandidates => HolePunchAddresses();

    /// <summary>
    /// Asks the AutoNAT v2 server <paramref name="server"/> (connecting first if needed) to dial
    /// <paramref name="address"/>, one of our addresses. Private addresses are sent too (servers may refuse them).
    /// </summary>
    /// <exception cref="HostException">No connection to the server, or it does not serve AutoNAT v2.</exception>
    public async Task<AutoNatCheckResult> CheckReachabilityAsync(PeerId server, Multiaddress address, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(server);
        ArgumentNullException.ThrowIfNull(address);
        Libp2pConnection connection = await ConnectAsync(server, cancellationToken).ConfigureAwait(false);
        if (connection.IsRelayed)
        {
            throw new HostException(HostError.ProtocolNotSupported, "AutoNAT is not run over a relayed connection");
        }

        Multiaddress bare = address.DecapsulateCode(MultiaddrCodes.P2p);
        await _autoNatChecks.WaitAsync(cancellationToken).ConfigureAwait(false);
        ulong nonce = BitConverter.ToUInt64(RandomNumberGenerator.GetBytes(8));
        var arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _autoNatNonces[nonce] = arrived;
        try
        {
            AutoNatCheckResult result = await RunCheckAsync(connection, bare, nonce, arrived.Task, cancellationToken).ConfigureAwait(false);
            if (result.Outcome is AutoNatOutcome.Reachable or AutoNatOutcome.Unreachable
                && _reachability.Record(bare, server, result.Outcome == AutoNatOutcome.Reachable) is { } changed)
            {
                AutoNatLog.ReachabilityChanged(Logger, changed.Address, changed.State, changed.Successes, changed.Failures);
                Emit(HostEventKind.ReachabilityChanged, connection, changed.Address + " is " + changed.State.ToString().ToLowerInvariant());
            }

            return result;
        }
        finally
        {
            _autoNatNonces.TryRemove(nonce, out _);
            _autoNatChecks.Release();
        }
    }

    /// <summary>
    /// Asks each of <paramref name="servers"/> about each of <paramref name="addresses"/> (default
    /// <see cref="ReachabilityCandidates"/>), one request at a time; servers that fail are skipped.
    /// </summary>
    public async Task<IReadOnlyList<AutoNatCheckResult>> ProbeReachabilityAsync(
        IEnumerable<PeerId> servers, IEnumerable<Multiaddress>? addresses = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(servers);
        List<Multiaddress> targets = (addresses ?? ReachabilityCandidates).ToList();
        var results = new List<AutoNatCheckResult>();
        foreach (PeerId server in servers.Distinct())
        {
            foreach (Multiaddress a in targets)
            {
                try
                {
                    results.Add(await CheckReachabilityAsync(server, a, cancellationToken).ConfigureAwait(false));
                }
                catch (HostException ex)
                {
                    results.Add(new AutoNatCheckResult(server, a, AutoNatOutcome.Failed, ex.Message, 0));
                    break;
                }
            }
        }

        return results;
    }

    /// <summary>Automatic probes of newly identified AutoNAT servers in flight at once.</summary>
    private const int MaxAutoNatProbes = 4;

    private int _autoNatProbes;

    private void StartAutoNatProbe(Libp2pConnection connection, IdentifyMessage identified)
    {
        if (!_options.AutoNatProbe || connection.IsRelayed || !identified.Protocols.Contains(AutoNatProtocol.DialRequestProtocolId))
        {
            return;
        }

        if (Interlocked.Increment(ref _autoNatProbes) > MaxAutoNatProbes)
        {
            Interlocked.Decrement(ref _autoNatProbes);
            return;
        }

        connection.Tasks.Add(ProbeOnConnectAsync(connection));
    }

    private async Task ProbeOnConnectAsync(Libp2pConnection connection)
    {
        try
        {
            foreach (Multiaddress a in ReachabilityCandidates)
            {
                if (!_reachability.NeedsVerdict(a, connection.RemotePeer))
                {
                    continue;
                }

                await CheckReachabilityAsync(connection.RemotePeer, a, connection.Closing).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is HostException or OperationCanceledException or ObjectDisposedException)
        {
            // The server went away or the host is stopping: this probe ends, others are unaffected.
        }
        finally
        {
            Interlocked.Decrement(ref _autoNatProbes);
        }
    }

    private void InitAutoNat()
    {
        _reachability = new ReachabilityTracker(_options.AutoNatConfirmations);
        _handlers[AutoNatProtocol.DialBackProtocolId] = HandleDialBackAsync;
        if (_options.AutoNatService is { } service)
        {
            _autoNatServer = new AutoNatServer(this, service, a => _transports.Any(t => t.CanDial(a)));
            _handlers[AutoNatProtocol.DialRequestProtocolId] = _autoNatServer.HandleAsync;
        }
    }

    private async Task<AutoNatCheckResult> RunCheckAsync(
        Libp2pConnection connection, Multiaddress address, ulong nonce, Task arrived, CancellationToken cancellationToken)
    {
        PeerId server = connection.RemotePeer;
        using var timeout = new TimeoutScope(_time, AutoNatProtocol.StreamTimeout, cancellationToken);
        Libp2pStream? stream = null;
        int sent = 0;
        try
        {
            stream = await OpenStreamOnAsync(connection, AutoNatProtocol.DialRequestProtocolId, timeout.Token).ConfigureAwait(false);
            await AutoNatProtocol.WriteAsync(stream, AutoNatMessage.DialRequest([address], nonce), timeout.Token).ConfigureAwait(false);
            AutoNatMessage m = await AutoNatProtocol.ReadAsync(stream, timeout.Token).ConfigureAwait(false);
            if (m.Kind == AutoNatMessageKind.DialDataRequest)
            {
                if (m.ByteCount > AutoNatProtocol.ClientMaxDialData)
                {
                    stream.Abort();
                    return new AutoNatCheckResult(server, address, AutoNatOutcome.Failed, $"server demanded {m.ByteCount} bytes of dial data", 0);
                }

                byte[] chunk = AutoNatMessage.DialDataResponse(AutoNatMessage.MaxDialDataChunk).Encode();
                while ((ulong)sent < m.ByteCount)
                {
                    await LengthPrefixed.WriteAsync(stream, chunk, timeout.Token).ConfigureAwait(false);
                    sent += AutoNatMessage.MaxDialDataChunk;
                }

                m = await AutoNatProtocol.ReadAsync(stream, timeout.Token).ConfigureAwait(false);
            }

            stream.CompleteWrites();
            return m.Kind != AutoNatMessageKind.DialResponse
                ? new AutoNatCheckResult(server, address, AutoNatOutcome.Failed, "unexpected " + m, sent)
                : Interpret(server, address, m, arrived.IsCompletedSuccessfully, sent);
        }
        catch (Exception ex) when (ex is IOException or FormatException or OperationCanceledException)
        {
            cancellationToken.ThrowIfCancellationRequested();
            stream?.Abort();
            return new AutoNatCheckResult(server, address, AutoNatOutcome.Failed, ex.Message, sent);
        }
        finally
        {
            if (stream is not null)
            {
                await stream.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    private static AutoNatCheckResult Interpret(PeerId server, Multiaddress address, AutoNatMessage m, bool nonceArrived, int sent)
    {
        (AutoNatOutcome outcome, string detail) = m.Status switch
        {
            AutoNatResponseStatus.Ok when m.AddressIndex != 0 => (AutoNatOutcome.Failed, "server reported an address we did not send"),
            AutoNatResponseStatus.Ok => m.DialStatus switch
            {
                AutoNatDialStatus.Ok when nonceArrived => (AutoNatOutcome.Reachable, "dialed back, nonce verified"),
                AutoNatDialStatus.Ok => (AutoNatOutcome.Failed, "server claimed a dial back but our nonce never arrived"),
                AutoNatDialStatus.DialError => (AutoNatOutcome.Unreachable, "server could not dial"),
                AutoNatDialStatus.DialBackError => (AutoNatOutcome.DialBackFailed, "server connected but the dial-back stream failed"),
                _ => (AutoNatOutcome.Failed, "unknown dial status " + (int)m.DialStatus),
            },
            AutoNatResponseStatus.DialRefused => (AutoNatOutcome.Refused, "server refused to dial the address"),
            AutoNatResponseStatus.RequestRejected => (AutoNatOutcome.Rejected, "server rejected the request (limits)"),
            AutoNatResponseStatus.InternalError => (AutoNatOutcome.Failed, "server internal error"),
            _ => (AutoNatOutcome.Failed, "unknown response status " + (int)m.Status),
        };
        return new AutoNatCheckResult(server, address, outcome, detail, sent);
    }

    /// <summary>Serves a dial back: answers OK when the nonce is one of our checks in flight, else resets.</summary>
    private async Task HandleDialBackAsync(Libp2pStream stream, CancellationToken cancellationToken)
    {
        using var timeout = new TimeoutScope(_time, AutoNatProtocol.DialBackTimeout, cancellationToken);
        byte[] frame = await AutoNatProtocol.ReadFrameAsync(stream, timeout.Token).ConfigureAwait(false);
        ulong nonce = AutoNatProtocol.DecodeDialBack(frame);
        if (!_autoNatNonces.TryGetValue(nonce, out TaskCompletionSource? arrived))
        {
            AutoNatLog.UnknownNonce(Logger, stream.RemotePeer);
            stream.Abort();
            return;
        }

        arrived.TrySetResult();
        await LengthPrefixed.WriteAsync(stream, AutoNatProtocol.EncodeDialBackResponse(), timeout.Token).ConfigureAwait(false);
    }
}
