// Fuzz target: the libp2p Noise handshake payload protobuf (libp2p/specs noise/README.md) and its verification.
using System;
using WotId.Libp2p.Noise;

namespace WotId.Fuzz.Targets.Libp2p;

/// <summary>Handshake payloads; only <see cref="NoiseHandshakeException"/> may escape decoding and verification.</summary>
public sealed class NoisePayloadTarget : IFuzzTarget
{
    private static readonly byte[] s_staticKey = new byte[32];

    /// <inheritdoc />
    public string Name => "libp2p-noise-payload";

    /// <inheritdoc />
    public void Run(ReadOnlySpan<byte> input)
    {
        try
        {
            NoiseHandshakePayload payload = NoiseHandshakePayload.Decode(input);
            NoiseHandshakePayload.Decode(payload.Encode());
            NoiseSecuredStream.VerifyRemote(payload, s_staticKey, null);
        }
        catch (NoiseHandshakeException)
        {
            // Documented rejection (a random payload never carries a valid signature).
        }
    }
}
