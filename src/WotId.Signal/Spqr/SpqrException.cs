// SPQR failures (SparsePostQuantumRatchet src/lib.rs `Error`): one exception type for the layer.

using System.IO;

namespace WotId.Signal.Spqr;

/// <summary>An SPQR message, key request or serialized state was rejected. Never carries key material.</summary>
public sealed class SpqrException : IOException
{
    /// <summary>Creates an exception for <paramref name="error"/>.</summary>
    public SpqrException(SpqrError error)
        : base("SPQR: " + error)
    {
        Error = error;
    }

    /// <summary>Creates an exception for <paramref name="error"/> with a short non-secret detail.</summary>
    public SpqrException(SpqrError error, string detail)
        : base("SPQR: " + error + ": " + detail)
    {
        Error = error;
    }

    /// <summary>Creates an exception without a specific kind (reported as <see cref="SpqrError.Malformed"/>).</summary>
    public SpqrException()
        : this(SpqrError.Malformed)
    {
    }

    /// <summary>Creates an exception with a message (reported as <see cref="SpqrError.Malformed"/>).</summary>
    public SpqrException(string message)
        : base(message)
    {
        Error = SpqrError.Malformed;
    }

    /// <summary>Creates an exception with a message and inner exception (reported as <see cref="SpqrError.Malformed"/>).</summary>
    public SpqrException(string message, System.Exception innerException)
        : base(message, innerException)
    {
        Error = SpqrError.Malformed;
    }

    /// <summary>The kind of failure.</summary>
    public SpqrError Error { get; }
}
