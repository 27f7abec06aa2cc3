// Connection lifecycle events of the host (rust-libp2p's ConnectionEstablished / ConnectionClosed, shared notes §17).
using System;

namespace WotId.Libp2p.Host;

/// <summary>A connection opened, closed, or finished identify.</summary>
public sealed class ConnectionEventArgs : EventArgs
{
    /// <summary>Creates the arguments.</summary>
    public ConnectionEventArgs(Libp2pConnection connection, Exception? error = null)
    {
        Connection = connection;
        Error = error;
    }

    /// <summary>The connection.</summary>
    public Libp2pConnection Connection { get; }

    /// <summary>For closed connections: why (null for a normal close).</summary>
    public Exception? Error { get; }
}
