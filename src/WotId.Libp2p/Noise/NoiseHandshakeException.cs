using System;

namespace WotId.Libp2p.Noise;

/// <summary>The Noise XX handshake or the libp2p payload checks failed; the connection must be dropped.</summary>
public sealed class NoiseHandshakeException : NoiseException
{
    /// <summary>Creates the exception.</summary>
    public NoiseHandshakeException(NoiseError error, string message)
        : base(error, message)
    {
    }

    /// <summary>Creates the exception with <see cref="NoiseError.InvalidPayload"/>.</summary>
    public NoiseHandshakeException()
        : base(NoiseError.InvalidPayload, "Noise handshake failed")
    {
    }

    /// <summary>Creates the exception with <see cref="NoiseError.InvalidPayload"/>.</summary>
    public NoiseHandshakeException(string message)
        : base(NoiseError.InvalidPayload, message)
    {
    }

    /// <summary>Creates the exception with <see cref="NoiseError.DecryptionFailed"/>.</summary>
    public NoiseHandshakeException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
