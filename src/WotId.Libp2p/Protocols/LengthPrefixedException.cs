// Typed failure of uvarint length-prefixed framing (house style point 7: one IOException per layer with an error enum).
using System;
using System.IO;

namespace WotId.Libp2p.Protocols;

/// <summary>A length-prefixed frame could not be read, with a machine-readable <see cref="Error"/>.</summary>
public sealed class LengthPrefixedException : IOException
{
    /// <summary>Creates the exception.</summary>
    public LengthPrefixedException(LengthPrefixedError error, string message)
        : base(message)
    {
        Error = error;
    }

    /// <summary>Creates an exception with a generic message.</summary>
    public LengthPrefixedException()
        : base("length-prefixed frame rejected")
    {
        Error = LengthPrefixedError.BadVarint;
    }

    /// <summary>Creates an exception with a message.</summary>
    public LengthPrefixedException(string message)
        : base(message)
    {
        Error = LengthPrefixedError.BadVarint;
    }

    /// <summary>Creates an exception with a message and an inner cause.</summary>
    public LengthPrefixedException(string message, Exception innerException)
        : base(message, innerException)
    {
        Error = LengthPrefixedError.BadVarint;
    }

    /// <summary>What went wrong.</summary>
    public LengthPrefixedError Error { get; }
}
