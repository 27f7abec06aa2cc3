// Typed failure of the Kademlia DHT (libp2p/specs kad-dht/README.md); an IOException so the host resets only the
// stream of a peer that sent it something wrong.
using System;
using System.IO;

namespace WotId.Libp2p.Kademlia;

/// <summary>A DHT message, record or operation failed, with a machine-readable <see cref="Error"/>.</summary>
public sealed class KadException : IOException
{
    /// <summary>Creates the exception.</summary>
    public KadException(KadError error, string message)
        : base(message)
    {
        Error = error;
    }

    /// <summary>Creates the exception with a cause.</summary>
    public KadException(KadError error, string message, Exception innerException)
        : base(message, innerException)
    {
        Error = error;
    }

    /// <summary>Creates the exception with a generic message.</summary>
    public KadException()
        : base("DHT failure")
    {
        Error = KadError.MalformedMessage;
    }

    /// <summary>Creates the exception with a message.</summary>
    public KadException(string message)
        : base(message)
    {
        Error = KadError.MalformedMessage;
    }

    /// <summary>Creates the exception with a message and cause.</summary>
    public KadException(string message, Exception innerException)
        : base(message, innerException)
    {
        Error = KadError.MalformedMessage;
    }

    /// <summary>What went wrong.</summary>
    public KadError Error { get; }
}
