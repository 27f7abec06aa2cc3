// The resource scopes a Yamux session draws from beyond its own limits (the host's resource manager: system, transient,
// per-peer streams and receive memory). go-libp2p passes a network.ConnManagementScope to its muxer the same way
// (go-yamux session.go "memoryManager"). Called under the session's lock: implementations never call back into it.
namespace WotId.Libp2p.Yamux;

/// <summary>Stream slots and receive memory a session takes from the scopes above it.</summary>
internal interface IYamuxResources
{
    /// <summary>Takes a stream slot and the initial window's memory for a new inbound stream; false refuses it (RST).</summary>
    bool TryAdmitInbound();

    /// <summary>The session itself refused an inbound stream (its stream limit or accept backlog).</summary>
    void OnSessionRefused();

    /// <summary>Records one of our own streams and its initial window; never refuses (our opens are bounded by Yamux).</summary>
    void AddOutbound();

    /// <summary>Gives back a finished stream's slot and <paramref name="window"/> bytes of receive memory.</summary>
    void Remove(long window);

    /// <summary>Grants up to <paramref name="wanted"/> bytes of window growth (0 when a budget is spent).</summary>
    long ReserveGrowth(long wanted);

    /// <summary>The session ended: gives back every stream and byte still held.</summary>
    void Close();
}
