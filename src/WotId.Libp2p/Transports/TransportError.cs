namespace WotId.Libp2p.Transports;

/// <summary>Why a transport operation failed.</summary>
public enum TransportError
{
    /// <summary>The multiaddr is not one this transport handles.</summary>
    UnsupportedAddress,

    /// <summary>The remote refused or could not be reached.</summary>
    ConnectFailed,

    /// <summary>Binding the listen address failed.</summary>
    ListenFailed,

    /// <summary>DNS resolution returned no usable address.</summary>
    ResolveFailed,

    /// <summary>The WebSocket upgrade handshake failed.</summary>
    HandshakeFailed,
}
