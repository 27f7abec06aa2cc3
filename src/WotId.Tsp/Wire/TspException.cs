// Trust Spanning Protocol (ToIP TSP vs1.0 Rev 2): the TSP layer's only exception type.
using System;

namespace WotId.Tsp.Wire;

/// <summary>A TSP message is malformed or fails verification. The TSP decoders throw nothing else.</summary>
public sealed class TspException : FormatException
{
    /// <summary>Creates the exception.</summary>
    public TspException(TspError error, string message, Exception? innerException = null)
        : base($"TSP {error}: {message}", innerException)
    {
        Error = error;
    }

    /// <summary>Creates the exception (for analyzers; prefer the error-code constructor).</summary>
    public TspException()
        : this(TspError.NotATspMessage, "malformed TSP message")
    {
    }

    /// <summary>Creates the exception (for analyzers; prefer the error-code constructor).</summary>
    public TspException(string message)
        : this(TspError.NotATspMessage, message)
    {
    }

    /// <summary>Creates the exception (for analyzers; prefer the error-code constructor).</summary>
    public TspException(string message, Exception innerException)
        : this(TspError.MalformedCesr, message, innerException)
    {
    }

    /// <summary>The reason.</summary>
    public TspError Error { get; }
}
