// Fuzz target: PreKeySignalMessage.Deserialize.
using System;
using WotId.Signal;

namespace WotId.Fuzz.Targets.Signal;

/// <summary>Feeds arbitrary input to PreKeySignalMessage.Deserialize; only <see cref="SignalProtocolException"/> may escape.</summary>
public sealed class PreKeySignalMessageTarget : IFuzzTarget
{
    /// <inheritdoc />
    public string Name => "signal-prekey-message";

    /// <inheritdoc />
    public void Run(ReadOnlySpan<byte> input)
    {
        try
        {
            _ = WotId.Signal.Protocol.PreKeySignalMessage.Deserialize(input);
        }
        catch (SignalProtocolException)
        {
            // Documented rejection.
        }
    }
}
