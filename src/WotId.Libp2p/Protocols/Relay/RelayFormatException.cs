// Typed failure of Circuit Relay v2 message decoding (libp2p/specs relay/circuit-v2.md).
using System;

namespace WotId.Libp2p.Protocols.Relay;

/// <summary>A malformed relay message, with a machine-readable <see cref="Error"/>.</summary>
public sealed class RelayFormatException : FormatException
{
    /// <summary>Creates the exception.</summary>
    public RelayFormatException(RelayError error, string message)
        : base(message)
    {
        Error = error;
    }

    /// <summary>Creates the exception with a generic message.</summary>
    public RelayFormatException()
        : base("malformed relay message")
    {
        Error = RelayError.MalformedProtobuf;
    }

    /// <summary>Creates the exception with a message.</summary>
    public RelayFormatException(string message)
        : base(message)
    {
        Error = RelayError.MalformedProtobuf;
    }

    /// <summary>Creates the exception with a message and cause.</summary>
    public RelayFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
        Error = RelayError.MalformedProtobuf;
    }

    /// <summary>What was wrong.</summary>
    public RelayError Error { get; }
}
