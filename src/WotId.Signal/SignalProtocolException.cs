// Typed failure of the Signal layer (house style: one exception type per layer, derived from IOException).
using System;
using System.IO;

namespace WotId.Signal;

/// <summary>
/// A Signal protocol operation failed. <see cref="Error"/> says why; the message never contains key material.
/// </summary>
public sealed class SignalProtocolException : IOException
{
    /// <summary>Creates the exception.</summary>
    public SignalProtocolException()
        : this(SignalError.InvalidEncoding, "invalid Signal data")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public SignalProtocolException(string message)
        : this(SignalError.InvalidEncoding, message)
    {
    }

    /// <summary>Creates the exception with a message and inner exception.</summary>
    public SignalProtocolException(string message, Exception innerException)
        : base(message, innerException)
    {
        Error = SignalError.InvalidEncoding;
    }

    /// <summary>Creates the exception with an error code and a message (never key material).</summary>
    public SignalProtocolException(SignalError error, string message)
        : base(message)
    {
        Error = error;
    }

    /// <summary>Creates the exception with an error code, a message and the cause.</summary>
    public SignalProtocolException(SignalError error, string message, Exception innerException)
        : base(message, innerException)
    {
        Error = error;
    }

    /// <summary>Why the operation failed.</summary>
    public SignalError Error { get; }
}
