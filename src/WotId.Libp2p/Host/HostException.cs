// Typed failure of the libp2p host layer (libp2p/specs connections/README.md).
using System;
using System.IO;

namespace WotId.Libp2p.Host;

/// <summary>A host-level failure with a machine-readable <see cref="Error"/>.</summary>
public sealed class HostException : IOException
{
    /// <summary>Creates the exception.</summary>
    public HostException(HostError error, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Error = error;
    }

    /// <summary>Creates the exception with a generic message.</summary>
    public HostException()
        : base("libp2p host failure")
    {
        Error = HostError.ConnectionClosed;
    }

    /// <summary>Creates the exception with a message.</summary>
    public HostException(string message)
        : base(message)
    {
        Error = HostError.ConnectionClosed;
    }

    /// <summary>Creates the exception with a message and cause.</summary>
    public HostException(string message, Exception innerException)
        : base(message, innerException)
    {
        Error = HostError.ConnectionClosed;
    }

    /// <summary>What went wrong.</summary>
    public HostError Error { get; }

    /// <summary>For <see cref="HostError.ConnectionLimit"/>: which limit refused the connection.</summary>
    public ConnectionLimitKind? Limit { get; init; }

    /// <summary>For <see cref="HostError.StreamLimit"/>: which resource limit refused the stream.</summary>
    public Resources.ResourceLimitKind? ResourceLimit { get; init; }

    /// <summary>For <see cref="HostError.ConnectionLimit"/> and <see cref="HostError.StreamLimit"/>: the resource scope of that limit.</summary>
    public Resources.ResourceScope? Scope { get; init; }

    /// <summary>For <see cref="HostError.RelayFailed"/>: the status the relay (or the target) answered, if any.</summary>
    public Protocols.Relay.RelayStatus? RelayStatus { get; init; }
}
