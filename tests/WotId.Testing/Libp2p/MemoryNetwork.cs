// The switchboard of MemoryTransport: which /memory/<n> names are listening (the analogue of rust-libp2p
// core/src/transport/memory.rs's global hub, but one per test so tests never see each other).
using System.Collections.Concurrent;
using System.Threading;

namespace WotId.Testing.Libp2p;

/// <summary>An isolated in-process network of <see cref="MemoryTransport"/> listeners.</summary>
public sealed class MemoryNetwork
{
    private readonly ConcurrentDictionary<ulong, MemoryListener> _listeners = new();
    private long _next;

    internal ulong NextPort() => (ulong)Interlocked.Increment(ref _next) + 1_000_000;

    internal bool TryBind(ulong port, MemoryListener listener) => _listeners.TryAdd(port, listener);

    internal void Unbind(ulong port, MemoryListener listener) => _listeners.TryRemove(new(port, listener));

    internal MemoryListener? Find(ulong port) => _listeners.TryGetValue(port, out MemoryListener? l) ? l : null;
}
