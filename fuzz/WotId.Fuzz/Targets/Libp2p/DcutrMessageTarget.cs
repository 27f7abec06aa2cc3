// Fuzz target: DCUtR HolePunch messages (libp2p/specs relay/DCUtR.md, "Protobuf").
using System;
using WotId.Libp2p.Protocols.Dcutr;
using WotId.Libp2p.Protocols.Relay;

namespace WotId.Fuzz.Targets.Libp2p;

/// <summary>Decodes the input as a HolePunch message and re-encodes it; only <see cref="RelayFormatException"/> may escape.</summary>
public sealed class DcutrMessageTarget : IFuzzTarget
{
    /// <inheritdoc />
    public string Name => "libp2p-dcutr";

    /// <inheritdoc />
    public void Run(ReadOnlySpan<byte> input)
    {
        try
        {
            HolePunchMessage m = HolePunchMessage.Decode(input);
            _ = HolePunchMessage.Decode(m.Encode());
        }
        catch (RelayFormatException)
        {
            // Documented rejection.
        }
    }
}
