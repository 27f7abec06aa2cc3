using System;

namespace WotId.Libp2p.Peer;

/// <summary>A peer id, public key or private key encoding is malformed.</summary>
public sealed class PeerIdFormatException : FormatException
{
    /// <summary>Creates the exception.</summary>
    public PeerIdFormatException(PeerIdError error, string message)
        : base(message)
    {
        Error = error;
    }

    /// <summary>Creates the exception with <see cref="PeerIdError.InvalidText"/>.</summary>
    public PeerIdFormatException()
        : this(PeerIdError.InvalidText, "invalid peer id")
    {
    }

    /// <summary>Creates the exception with <see cref="PeerIdError.InvalidText"/>.</summary>
    public PeerIdFormatException(string message)
        : this(PeerIdError.InvalidText, message)
    {
    }

    /// <summary>Creates the exception with <see cref="PeerIdError.InvalidText"/>.</summary>
    public PeerIdFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
        Error = PeerIdError.InvalidText;
    }

    /// <summary>What was wrong.</summary>
    public PeerIdError Error { get; }
}
