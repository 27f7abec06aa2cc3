// Fuzz target: SignalMessage.Deserialize.
using System;
using WotId.Signal;

namespace WotId.Fuzz.Targets.Signal;

/// <summary>Feeds arbitrary input to SignalMessage.Deserialize; only <see cref="SignalProtocolException"/> may escape.</summary>
public sealed class SignalMessageTarget : IFuzzTarget
{
    /// <inheritdoc />
    public string Name => "signal-message";

    /// <inheritdoc />
    public void Run(ReadOnlySpan<byte> input)
    {
        try
        {
            _ = WotId.Signal.Protocol.SignalMessage.Deserialize(input);
        }
        catch (SignalProtocolException)
        {
            // Documented rejection.
        }
    }
}
