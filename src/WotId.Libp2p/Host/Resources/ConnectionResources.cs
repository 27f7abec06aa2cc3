// One connection's share of the resource manager: the scope its Yamux session draws stream slots and receive memory
// from (go-libp2p's ConnManagementScope). While the connection is unverified (its gate shut) its streams are transient
// and its windows never grow. All work happens under the session's lock or this object's small lock; no allocation.
using WotId.Libp2p.Peer;
using WotId.Libp2p.Yamux;

namespace WotId.Libp2p.Host.Resources;

internal sealed class ConnectionResources : IYamuxResources
{
    private readonly ResourceManager _manager;
    private readonly PeerId _peer;
    private readonly ResourceManager.PeerScope _scope;
    private readonly object _lock = new();
    private bool _verified;
    private bool _closed;
    private int _streams;
    private long _memory;

    public ConnectionResources(ResourceManager manager, PeerId peer, ResourceManager.PeerScope scope, bool verified)
    {
        _manager = manager;
        _peer = peer;
        _scope = scope;
        _verified = verified;
    }

    public bool IsVerified
    {
        get { lock (_lock) { return _verified; } }
    }

    public bool TryAdmitInbound() => Take(enforce: true);

    public void AddOutbound() => Take(enforce: false);

    public void OnSessionRefused() =>
        _manager.Refuse(ResourceLimitKind.ConnectionStreams, 0, "inbound stream from " + _peer);

    public void Remove(long window)
    {
        lock (_lock)
        {
            if (_closed)
            {
                return;
            }

            _streams--;
            _memory -= window;
            _manager.ReleaseStreams(_scope, 1, _verified ? 0 : 1);
            _manager.ReleaseMemory(window);
        }
    }

    public long ReserveGrowth(long wanted)
    {
        lock (_lock)
        {
            if (!_verified || _closed)
            {
                return 0;
            }

            long granted = _manager.ReserveMemoryUpTo(wanted);
            _memory += granted;
            return granted;
        }
    }

    /// <summary>The connection was verified (its gate opened): its streams leave the transient scope.</summary>
    public void MarkVerified()
    {
        lock (_lock)
        {
            if (_verified || _closed)
            {
                return;
            }

            _verified = true;
            _manager.LeaveTransient(_streams);
        }
    }

    public void Close()
    {
        lock (_lock)
        {
            if (_closed)
            {
                return;
            }

            _closed = true;
            _manager.ReleaseStreams(_scope, _streams, _verified ? 0 : _streams);
            _manager.ReleaseMemory(_memory);
            _streams = 0;
            _memory = 0;
        }

        _manager.CloseConnection(_peer, _scope);
    }

    private bool Take(bool enforce)
    {
        lock (_lock)
        {
            if (_closed)
            {
                return !enforce;
            }

            if (!_manager.TryTakeStream(_scope, _peer, !_verified, enforce))
            {
                return false;
            }

            _streams++;
            _memory += YamuxOptions.InitialWindow;
            return true;
        }
    }
}
