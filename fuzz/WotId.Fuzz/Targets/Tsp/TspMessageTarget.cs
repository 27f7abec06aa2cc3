// Fuzz target: TSP message and payload decoding (Rust SDK layout).
using System;
using WotId.Tsp.Wire;

namespace WotId.Fuzz.Targets.Tsp;

/// <summary>Decodes arbitrary input as a TSP message, then its payload; only <see cref="TspException"/> may escape.</summary>
public sealed class TspMessageTarget : IFuzzTarget
{
    /// <inheritdoc />
    public string Name => "tsp-message";

    /// <inheritdoc />
    public void Run(ReadOnlySpan<byte> input)
    {
        try
        {
            TspWireMessage m = TspMessageCodec.Decode(input);
            if (m.Envelope.HasNonConfidentialData)
            {
                _ = TspPayloadCodec.Decode(m.Envelope.NonConfidentialData);
            }
        }
        catch (TspException)
        {
            // Documented rejection.
        }

        try
        {
            _ = TspMessageCodec.DecodeAnyDomain(input);
        }
        catch (TspException)
        {
            // Documented rejection.
        }

        try
        {
            _ = TspPayloadCodec.Decode(input);
        }
        catch (TspException)
        {
            // Documented rejection.
        }
    }
}
