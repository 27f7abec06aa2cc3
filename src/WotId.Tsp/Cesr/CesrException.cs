// CESR (ToIP CESR specification v1.0): the codec's only exception type.
using System;

namespace WotId.Tsp.Cesr;

/// <summary>A CESR stream is malformed. Thrown by every CESR decoder, never anything else.</summary>
public sealed class CesrException : FormatException
{
    /// <summary>Creates the exception.</summary>
    public CesrException(CesrError error, int offset, string message)
        : base($"CESR {error} at byte {offset}: {message}")
    {
        Error = error;
        Offset = offset;
    }

    /// <summary>Creates the exception (for serializers and analyzers; prefer the error-code constructor).</summary>
    public CesrException()
        : this(CesrError.UnknownCode, 0, "malformed CESR")
    {
    }

    /// <summary>Creates the exception (for analyzers; prefer the error-code constructor).</summary>
    public CesrException(string message)
        : this(CesrError.UnknownCode, 0, message)
    {
    }

    /// <summary>Creates the exception (for analyzers; prefer the error-code constructor).</summary>
    public CesrException(string message, Exception innerException)
        : base(message, innerException)
    {
        Error = CesrError.UnknownCode;
    }

    /// <summary>The reason.</summary>
    public CesrError Error { get; }

    /// <summary>Byte offset (binary domain) where the problem was found.</summary>
    public int Offset { get; }
}
