// Fuzz target: identify messages, signed envelopes and peer records (libp2p/specs identify/README.md,
// RFC/0002-signed-envelopes.md, RFC/0003-routing-records.md).
using System;
using WotId.Libp2p.Protocols.Identify;

namespace WotId.Fuzz.Targets.Libp2p;

/// <summary>Decodes the input as identify data three ways; only <see cref="IdentifyFormatException"/> may escape.</summary>
public sealed class IdentifyMessageTarget : IFuzzTarget
{
    /// <inheritdoc />
    public string Name => "libp2p-identify";

    /// <inheritdoc />
    public void Run(ReadOnlySpan<byte> input)
    {
        try
        {
            IdentifyMessage m = IdentifyMessage.Decode(input);
            _ = m.ParsedListenAddrs();
            _ = m.ParsedObservedAddr();
            _ = IdentifyMessage.Decode(m.Encode());
        }
        catch (IdentifyFormatException)
        {
            // Documented rejection.
        }

        try
        {
            _ = PeerRecord.Open(input);
        }
        catch (IdentifyFormatException)
        {
            // Documented rejection.
        }

        try
        {
            _ = PeerRecord.Decode(input);
        }
        catch (IdentifyFormatException)
        {
            // Documented rejection.
        }
    }
}
