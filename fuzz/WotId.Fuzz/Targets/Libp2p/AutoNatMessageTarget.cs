// Fuzz target: AutoNAT v2 messages (libp2p/specs autonat/autonat-v2.md, "RPC Messages"): the dial-request stream's
// Message and the dial-back stream's DialBack and DialBackResponse.
using System;
using WotId.Libp2p.Protocols.AutoNat;

namespace WotId.Fuzz.Targets.Libp2p;

/// <summary>Decodes the input as each AutoNAT message and re-encodes it; only <see cref="AutoNatFormatException"/> may escape.</summary>
public sealed class AutoNatMessageTarget : IFuzzTarget
{
    /// <inheritdoc />
    public string Name => "libp2p-autonat";

    /// <inheritdoc />
    public void Run(ReadOnlySpan<byte> input)
    {
        try
        {
            AutoNatMessage m = AutoNatMessage.Decode(input);
            _ = AutoNatMessage.Decode(m.Encode());
        }
        catch (AutoNatFormatException)
        {
            // Documented rejection.
        }

        try
        {
            _ = AutoNatProtocol.DecodeDialBack(input);
            _ = AutoNatProtocol.DecodeDialBackResponse(input);
        }
        catch (AutoNatFormatException)
        {
            // Documented rejection.
        }
    }
}
