// libp2p/specs relay/circuit-v2.md, "Protobuf": enum Status (the wire values).
namespace WotId.Libp2p.Protocols.Relay;

/// <summary>The status of a relay answer.</summary>
public enum RelayStatus
{
    /// <summary>Not set (zero value).</summary>
    Unused = 0,

    /// <summary>Success.</summary>
    Ok = 100,

    /// <summary>The relay refuses reservations (for example over a relayed connection).</summary>
    ReservationRefused = 200,

    /// <summary>A reservation or circuit limit was reached.</summary>
    ResourceLimitExceeded = 201,

    /// <summary>Not allowed.</summary>
    PermissionDenied = 202,

    /// <summary>The relay could not reach the target, or the target refused.</summary>
    ConnectionFailed = 203,

    /// <summary>The target holds no reservation on this relay.</summary>
    NoReservation = 204,

    /// <summary>The request did not decode.</summary>
    MalformedMessage = 400,

    /// <summary>The request had a type not valid here.</summary>
    UnexpectedMessage = 401,
}
