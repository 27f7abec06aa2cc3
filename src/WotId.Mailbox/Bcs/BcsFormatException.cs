using System;

namespace WotId.Mailbox.Bcs;

/// <summary>The only exception the BCS decoders throw on malformed input.</summary>
public sealed class BcsFormatException : FormatException
{
    /// <summary>Creates the exception for <paramref name="error"/> at byte <paramref name="offset"/>.</summary>
    public BcsFormatException(BcsError error, int offset, string detail)
        : base($"BCS {error} at byte {offset}: {detail}")
    {
        Error = error;
        Offset = offset;
    }

    /// <summary>Creates an exception with a message only (serialization contract).</summary>
    public BcsFormatException()
    {
    }

    /// <summary>Creates an exception with a message only.</summary>
    public BcsFormatException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception wrapping another.</summary>
    public BcsFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The error code.</summary>
    public BcsError Error { get; }

    /// <summary>Offset in the input where decoding failed.</summary>
    public int Offset { get; }
}
