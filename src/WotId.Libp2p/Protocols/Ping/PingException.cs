// libp2p/specs ping/ping.md: a wrong echo is a failed ping.
using System;
using System.IO;

namespace WotId.Libp2p.Protocols.Ping;

/// <summary>A ping failed because the echo did not match.</summary>
public sealed class PingException : IOException
{
    /// <summary>Creates the exception.</summary>
    public PingException()
        : base("ping failed")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public PingException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and cause.</summary>
    public PingException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
