// Typed failure of the AutoNAT v2 codec and message I/O (house style: one exception per protocol with an error enum).
using System;

namespace WotId.Libp2p.Protocols.AutoNat;

/// <summary>An AutoNAT message was malformed, too large, truncated or unexpected.</summary>
public sealed class AutoNatFormatException : FormatException
{
    /// <summary>Creates the exception.</summary>
    public AutoNatFormatException(AutoNatError error, string message)
        : base(message)
    {
        Error = error;
    }

    /// <summary>Creates the exception without details (for serializers and analyzers).</summary>
    public AutoNatFormatException()
        : this(AutoNatError.MalformedProtobuf, "malformed AutoNAT message")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public AutoNatFormatException(string message)
        : this(AutoNatError.MalformedProtobuf, message)
    {
    }

    /// <summary>Creates the exception with a message and an inner exception.</summary>
    public AutoNatFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
        Error = AutoNatError.MalformedProtobuf;
    }

    /// <summary>What was wrong.</summary>
    public AutoNatError Error { get; }
}
