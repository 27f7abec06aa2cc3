using System;
using System.IO;

namespace WotId.Libp2p.Transports;

/// <summary>A transport could not dial, listen or upgrade.</summary>
public sealed class TransportException : IOException
{
    /// <summary>Creates the exception.</summary>
    public TransportException(TransportError error, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Error = error;
    }

    /// <summary>Creates the exception with <see cref="TransportError.ConnectFailed"/>.</summary>
    public TransportException()
        : this(TransportError.ConnectFailed, "transport failure")
    {
    }

    /// <summary>Creates the exception with <see cref="TransportError.ConnectFailed"/>.</summary>
    public TransportException(string message)
        : this(TransportError.ConnectFailed, message)
    {
    }

    /// <summary>Creates the exception with <see cref="TransportError.ConnectFailed"/>.</summary>
    public TransportException(string message, Exception innerException)
        : this(TransportError.ConnectFailed, message, innerException)
    {
    }

    /// <summary>What went wrong.</summary>
    public TransportError Error { get; }
}
