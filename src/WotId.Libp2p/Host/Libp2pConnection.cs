// One upgraded libp2p connection: transport → Noise → Yamux (libp2p/specs connections/README.md).
using System;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;
using WotId.Libp2p.Multiaddr;
using WotId.Libp2p.Peer;
using WotId.Libp2p.Protocols.Identify;
using WotId.Libp2p.Yamux;

namespace WotId.Libp2p.Host;

/// <summary>A secured, multiplexed connection to one peer.</summary>
public sealed class Libp2pConnection : IAsyncDisposable
{
    private readonly Libp2pHost _host;
    private readonly TaskCompletionSource<IdentifyMessage> _identified = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _lastActivity = Stopwatch.GetTimestamp();

    private readonly Noise.NoiseSecuredStream _secured;

    internal Libp2pConnection(
        Libp2pHost host, Noise.NoiseSecuredStream secured, YamuxSession session, PeerId remotePeer, PeerPublicKey remoteKey, Multiaddress local, Multiaddress remote, bool isInitiator)
    {
        _host = host;
        _secured = secured;
        Session = session;
        RemotePeer = remotePeer;
        RemotePublicKey = remoteKey;
        LocalAddress = local;
        RemoteAddress = remote;
        IsInitiator = isInitiator;
        _ = _identified.Task.ContinueWith(static t => _ = t.Exception, TaskScheduler.Default);
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

    /// <summary>The muxer session.</summary>
    public YamuxSession Session { get; }

    /// <summary>Completes when the connection has closed.</summary>
    public Task Completion => Session.Completion;

    /// <summary>True once closed.</summary>
    public bool IsClosed => Session.IsClosed;

    /// <summary>Completes with the remote's identify message (faults if identify failed).</summary>
    public Task<IdentifyMessage> Identified => _identified.Task;

    internal TaskSet Tasks { get; } = new();

    internal long LastActivity => Interlocked.Read(ref _lastActivity);

    /// <summary>Opens a stream and negotiates <paramref name="protocol"/> on it.</summary>
    public Task<Libp2pStream> OpenStreamAsync(string protocol, CancellationToken cancellationToken = default) =>
        _host.OpenStreamOnAsync(this, protocol, cancellationToken);

    /// <summary>Closes the connection (GoAway, then the transport).</summary>
    public ValueTask CloseAsync() => Session.CloseAsync();

    /// <inheritdoc />
    public ValueTask DisposeAsync() => Session.CloseAsync();

    /// <inheritdoc />
    public override string ToString() => $"{RemotePeer} via {RemoteAddress} ({(IsInitiator ? "outbound" : "inbound")})";

    /// <summary>Tears the connection down at once (TCP reset, no GoAway), as a crashed peer would.</summary>
    public void Abort() => _secured.Abort();

    internal void Touch() => Interlocked.Exchange(ref _lastActivity, Stopwatch.GetTimestamp());

    internal void SetIdentified(IdentifyMessage message) => _identified.TrySetResult(message);

    internal void SetIdentifyFailed(Exception error) => _identified.TrySetException(error);
}
