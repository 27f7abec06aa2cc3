// Fuzz target: the wot.id JSON message parser with schema validation.
using System;
using WotId.Tsp.Messages;

namespace WotId.Fuzz.Targets.Tsp;

/// <summary>Parses arbitrary input as a wot.id message; only <see cref="WotMessageException"/> may escape.</summary>
public sealed class WotMessageTarget : IFuzzTarget
{
    /// <inheritdoc />
    public string Name => "tsp-wot-message";

    /// <inheritdoc />
    public void Run(ReadOnlySpan<byte> input)
    {
        try
        {
            WotMessage m = WotMessageCodec.Parse(input);
            _ = WotMessageCodec.Parse(WotMessageCodec.Serialize(m));
        }
        catch (WotMessageException)
        {
            // Documented rejection.
        }
    }
}
