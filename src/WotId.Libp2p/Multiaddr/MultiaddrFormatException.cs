using System;

namespace WotId.Libp2p.Multiaddr;

/// <summary>A multiaddr (text or binary) is malformed.</summary>
public sealed class MultiaddrFormatException : FormatException
{
    /// <summary>Creates the exception.</summary>
    public MultiaddrFormatException(MultiaddrError error, string message)
        : base(message)
    {
        Error = error;
    }

    /// <summary>Creates the exception with <see cref="MultiaddrError.InvalidSyntax"/>.</summary>
    public MultiaddrFormatException()
        : this(MultiaddrError.InvalidSyntax, "invalid multiaddr")
    {
    }

    /// <summary>Creates the exception with <see cref="MultiaddrError.InvalidSyntax"/>.</summary>
    public MultiaddrFormatException(string message)
        : this(MultiaddrError.InvalidSyntax, message)
    {
    }

    /// <summary>Creates the exception with <see cref="MultiaddrError.InvalidValue"/>.</summary>
    public MultiaddrFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
        Error = MultiaddrError.InvalidValue;
    }

    /// <summary>What was wrong.</summary>
    public MultiaddrError Error { get; }
}
