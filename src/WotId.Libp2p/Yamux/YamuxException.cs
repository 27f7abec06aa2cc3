// Typed failure of the Yamux layer (libp2p/specs yamux/README.md).
using System;
using System.IO;

namespace WotId.Libp2p.Yamux;

/// <summary>A Yamux session or stream failure, with a machine-readable <see cref="Error"/>.</summary>
public sealed class YamuxException : IOException
{
    /// <summary>Creates the exception.</summary>
    public YamuxException(YamuxError error, string message)
        : base(message)
    {
        Error = error;
    }

    /// <summary>Creates the exception with an inner cause.</summary>
    public YamuxException(YamuxError error, string message, Exception? innerException)
        : base(message, innerException)
    {
        Error = error;
    }

    /// <summary>Creates an exception with a generic message.</summary>
    public YamuxException()
        : base("yamux failure")
    {
        Error = YamuxError.SessionClosed;
    }

    /// <summary>Creates an exception with a message.</summary>
    public YamuxException(string message)
        : base(message)
    {
        Error = YamuxError.SessionClosed;
    }

    /// <summary>Creates an exception with a message and an inner cause.</summary>
    public YamuxException(string message, Exception innerException)
        : base(message, innerException)
    {
        Error = YamuxError.SessionClosed;
    }

    /// <summary>What went wrong.</summary>
    public YamuxError Error { get; }
}
