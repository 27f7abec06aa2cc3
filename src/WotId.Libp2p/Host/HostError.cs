// Error codes of the libp2p host layer (libp2p/specs connections/README.md: upgrade, limits, protocol negotiation).
namespace WotId.Libp2p.Host;

/// <summary>Why a host operation failed.</summary>
public enum HostError
{
    /// <summary>The host is not started or already stopped.</summary>
    NotRunning,

    /// <summary>No transport can dial the address.</summary>
    NoTransport,

    /// <summary>No connection to the peer and no known address to dial.</summary>
    NoAddress,

    /// <summary>The connection upgrade (multistream, Noise, muxer) failed or timed out.</summary>
    UpgradeFailed,

    /// <summary>A connection limit (total or per peer) refused the connection.</summary>
    ConnectionLimit,

    /// <summary>The remote does not support the requested protocol.</summary>
    ProtocolNotSupported,

    /// <summary>The connection was closed.</summary>
    ConnectionClosed,

    /// <summary>Dialing ourselves.</summary>
    DialSelf,

    /// <summary>The remote reset the stream while its protocol was being negotiated.</summary>
    StreamReset,

    /// <summary>
    /// The peer did not acknowledge a new stream, or no stream slot freed up, within the Yamux open timeout; or it did
    /// not finish multistream-select on the stream within <see cref="Libp2pHostOptions.NegotiationTimeout"/>.
    /// </summary>
    StreamOpenTimeout,

    /// <summary>A relay refused a reservation or a circuit (see <see cref="HostException.RelayStatus"/>), or its answer was malformed.</summary>
    RelayFailed,

    /// <summary>A DCUtR hole punch did not produce a direct connection.</summary>
    HolePunchFailed,

    /// <summary>
    /// A resource limit of this host refused a stream we wanted to open (see <see cref="HostException.ResourceLimit"/>
    /// and <see cref="HostException.Scope"/>).
    /// </summary>
    StreamLimit,
}
