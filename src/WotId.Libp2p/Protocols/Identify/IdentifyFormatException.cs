// Typed failure of identify / signed-envelope / peer-record decoding (libp2p/specs identify/README.md).
using System;

namespace WotId.Libp2p.Protocols.Identify;

/// <summary>Malformed or unverifiable identify data, with a machine-readable <see cref="Error"/>.</summary>
public sealed class IdentifyFormatException : FormatException
{
    /// <summary>Creates the exception.</summary>
    public IdentifyFormatException(IdentifyError error, string message)
        : base(message)
    {
        Error = error;
    }

    /// <summary>Creates the exception with a generic message.</summary>
    public IdentifyFormatException()
        : base("malformed identify data")
    {
        Error = IdentifyError.MalformedProtobuf;
    }

    /// <summary>Creates the exception with a message.</summary>
    public IdentifyFormatException(string message)
        : base(message)
    {
        Error = IdentifyError.MalformedProtobuf;
    }

    /// <summary>Creates the exception with a message and cause.</summary>
    public IdentifyFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
        Error = IdentifyError.MalformedProtobuf;
    }

    /// <summary>What was wrong.</summary>
    public IdentifyError Error { get; }
}
