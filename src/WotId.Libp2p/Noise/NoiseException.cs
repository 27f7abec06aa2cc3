using System;
using System.IO;

namespace WotId.Libp2p.Noise;

/// <summary>A Noise-secured connection failed (handshake or transport message).</summary>
public class NoiseException : IOException
{
    /// <summary>Creates the exception.</summary>
    public NoiseException(NoiseError error, string message)
        : base(message)
    {
        Error = error;
    }

    /// <summary>Creates the exception with <see cref="NoiseError.DecryptionFailed"/>.</summary>
    public NoiseException()
        : this(NoiseError.DecryptionFailed, "Noise failure")
    {
    }

    /// <summary>Creates the exception with <see cref="NoiseError.DecryptionFailed"/>.</summary>
    public NoiseException(string message)
        : this(NoiseError.DecryptionFailed, message)
    {
    }

    /// <summary>Creates the exception with <see cref="NoiseError.DecryptionFailed"/>.</summary>
    public NoiseException(string message, Exception innerException)
        : base(message, innerException)
    {
        Error = NoiseError.DecryptionFailed;
    }

    /// <summary>What went wrong.</summary>
    public NoiseError Error { get; }
}
