// Fuzz target: KyberPublicKey.Deserialize.
using System;
using WotId.Signal;

namespace WotId.Fuzz.Targets.Signal;

/// <summary>Feeds arbitrary input to KyberPublicKey.Deserialize; only <see cref="SignalProtocolException"/> may escape.</summary>
public sealed class KyberPublicKeyTarget : IFuzzTarget
{
    /// <inheritdoc />
    public string Name => "signal-kyber-public-key";

    /// <inheritdoc />
    public void Run(ReadOnlySpan<byte> input)
    {
        try
        {
            _ = WotId.Signal.Keys.KyberPublicKey.Deserialize(input);
        }
        catch (SignalProtocolException)
        {
            // Documented rejection.
        }
    }
}
