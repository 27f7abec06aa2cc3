// One upgraded libp2p connection: transport → Noise → Yamux (libp2p/specs connections/README.md), with its channel
// binding (the Noise handshake hash) and its gate state (see IConnectionGate).
using System;
using System.Threading;
using System.Threading.Tasks;
using WotId.Libp2p.Multiaddr;
using WotId.Libp2p.Noise;
using WotId.Libp2p.Peer;
using WotId.Libp2p.Protocols.Identify;
using WotId.Libp2p.Yamux;

namespace WotId.Libp2p.Host;

/// <summary>A secured, multiplexed connection to one peer.</summary>
public sealed class Libp2pConnection : IAsyncDisposable
{
    private const int GateShut = 0;
    private const int GateOpenState = 1;

    private readonly Libp2pHost _host;
    private readonly TaskCompletionSource<IdentifyMessage> _identified = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly NoiseSecuredStream _secured;
    private readonly byte[] _channelBinding;
    private readonly CancellationTokenSource _closing = new();
    private readonly TaskCompletionSource _gateOpened = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _lastActivity;
    private long _keepAliveUntil;
    private int _gate;
    private string? _closeReason;

    internal Libp2pConnection(
        Libp2pHost host, NoiseSecuredStream secured, YamuxSession session, Multiaddress local, Multiaddress remote, bool isInitiator, bool gateOpen)
    {
        _host = host;
        _secured = secured;
        _channelBinding = secured.HandshakeHash.ToArray();
        Session = session;
        RemotePeer = secured.RemotePeerId;
        RemotePublicKey = secured.RemotePublicKey;
        LocalAddress = local;
        RemoteAddress = remote;
        IsInitiator = isInitiator;
        _gate = gateOpen ? GateOpenState : GateShut;
        if (gateOpen)
        {
            _gateOpened.TrySetResult();
        }
        _lastActivity = host.Time.GetTimestamp();
        OpenedAt = _lastActivity;
        Tasks = new TaskSet(host.Logger);

        // Owner: this connection. Identify may fail with nobody awaiting Identified; observe it so it is not unobserved.
        _ = _identified.Task.ContinueWith(static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
    }

    /// <summary>The authenticated remote peer.</summary>
    public PeerId RemotePeer { get; }

    /// <summary>The remote identity key.</summary>
    public PeerPublicKey RemotePublicKey { get; }

    /// <summary>Our address on this connection.</summary>
    public Multiaddress LocalAddress { get; }

    /// <summary>The remote address.</summary>
    public Multiaddress RemoteAddress { get; }

    /// <summary>True when we dialed.</summary>
    public bool IsInitiator { get; }

    /// <summary>
    /// True for a connection carried by a Circuit Relay v2 circuit (its remote address contains <c>/p2p-circuit</c>).
    /// Such a connection is "limited" (libp2p/specs relay/circuit-v2.md): the relay caps its duration and data, and
    /// it must not be used for reservations or further circuits.
    /// </summary>
    public bool IsRelayed => RemoteAddress.Contains(Multiaddr.MultiaddrCodes.P2pCircuit);

    /// <summary>
    /// The channel binding of this connection: the Noise handshake hash (the final <c>h</c> of XX, Noise rev. 34
    /// §11.2), 32 bytes, equal on both ends and different for every connection. Sign it (or a value derived from it)
    /// to bind a credential presentation to this very connection. It is not secret, but it is not logged either.
    /// </summary>
    public ReadOnlyMemory<byte> ChannelBinding => _channelBinding;

    /// <summary>True while every registered protocol is served; false while the connection gate holds it.</summary>
    public bool IsGateOpen => Volatile.Read(ref _gate) == GateOpenState;

    /// <summary>The last measured Yamux round-trip time, or null before the first keep-alive answer.</summary>
    public TimeSpan? Rtt => Session.Rtt;

    /// <summary>Completes when the connection has closed.</summary>
    public Task Completion => Session.Completion;

    /// <summary>True once closed.</summary>
    public bool IsClosed => Session.IsClosed;

    /// <summary>Why the connection was closed by this side with a reason (<see cref="CloseAsync(string)"/>, the gate, the idle timer); else null.</summary>
    public string? CloseReason => Volatile.Read(ref _closeReason);

    /// <summary>Completes with the remote's identify message (faults if identify failed).</summary>
    public Task<IdentifyMessage> Identified => _identified.Task;

    internal YamuxSession Session { get; }

    internal TaskSet Tasks { get; }

    /// <summary>Cancelled when the connection has closed.</summary>
    internal CancellationToken Closing => _closing.Token;

    /// <summary>Completes when the gate opens (at once for a host without a gate); never when the connection closes shut.</summary>
    internal Task GateOpened => _gateOpened.Task;

    internal long LastActivity => Interlocked.Read(ref _lastActivity);

    /// <summary>When the connection was established (host clock timestamp): grace period and trimming order.</summary>
    internal long OpenedAt { get; }

    /// <summary>This connection's scope in the host's resource manager.</summary>
    internal Resources.ConnectionResources? Resources { get; init; }

    /// <summary>The idle timer leaves the connection open until this time (Unix seconds): a relay reservation needs it.</summary>
    internal long KeepAliveUntil
    {
        get => Interlocked.Read(ref _keepAliveUntil);
        set => Interlocked.Exchange(ref _keepAliveUntil, value);
    }

    /// <summary>Opens a stream and negotiates <paramref name="protocol"/> on it.</summary>
    public Task<Libp2pStream> OpenStreamAsync(string protocol, CancellationToken cancellationToken = default) =>
        _host.OpenStreamOnAsync(this, protocol, cancellationToken);

    /// <summary>
    /// Opens the gate: from now on every registered protocol is served. Idempotent; does nothing on a closed
    /// connection. Emits <see cref="HostEventKind.GateOpened"/> the first time.
    /// </summary>
    public void OpenGate()
    {
        if (!IsClosed && Interlocked.Exchange(ref _gate, GateOpenState) == GateShut)
        {
            _gateOpened.TrySetResult();
            _host.OnGateOpened(this);
        }
    }

    /// <summary>Closes the connection (GoAway, then the transport).</summary>
    public ValueTask CloseAsync() => Session.CloseAsync();

    /// <summary>Closes the connection with a reason that the closed event and the log show (keep secrets out of it).</summary>
    public ValueTask CloseAsync(string reason)
    {
        ArgumentException.ThrowIfNullOrEmpty(reason);
        Interlocked.CompareExchange(ref _closeReason, reason, null);
        return Session.CloseAsync();
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => Session.CloseAsync();

    /// <inheritdoc />
    public override string ToString() => $"{RemotePeer} via {RemoteAddress} ({(IsInitiator ? "outbound" : "inbound")})";

    /// <summary>Tears the connection down at once (TCP reset, no GoAway), as a crashed peer would.</summary>
    public void Abort() => _secured.Abort();

    internal void Touch() => Interlocked.Exchange(ref _lastActivity, _host.Time.GetTimestamp());

    internal void SetIdentified(IdentifyMessage message) => _identified.TrySetResult(message);

    internal void SetIdentifyFailed(Exception error) => _identified.TrySetException(error);

    /// <summary>Called once the session completed: cancels <see cref="Closing"/>.</summary>
    internal void MarkClosed()
    {
        try
        {
            _closing.Cancel();
        }
        catch (AggregateException ex)
        {
            // A registration threw; that is a bug in the callback, logged here rather than lost.
            Log.TaskFailed(_host.Logger, ex);
        }
    }

    /// <summary>After every task of the connection has finished.</summary>
    internal void ReleaseResources() => _closing.Dispose();
}
