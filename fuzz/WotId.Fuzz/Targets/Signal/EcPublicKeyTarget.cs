// Fuzz target: EcPublicKey.Deserialize.
using System;
using WotId.Signal;

namespace WotId.Fuzz.Targets.Signal;

/// <summary>Feeds arbitrary input to EcPublicKey.Deserialize; only <see cref="SignalProtocolException"/> may escape.</summary>
public sealed class EcPublicKeyTarget : IFuzzTarget
{
    /// <inheritdoc />
    public string Name => "signal-ec-public-key";

    /// <inheritdoc />
    public void Run(ReadOnlySpan<byte> input)
    {
        try
        {
            _ = WotId.Signal.Keys.EcPublicKey.Deserialize(input);
        }
        catch (SignalProtocolException)
        {
            // Documented rejection.
        }
    }
}
