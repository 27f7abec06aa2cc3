// Fuzz target: PreKeyBundle.Deserialize.
using System;
using WotId.Signal;

namespace WotId.Fuzz.Targets.Signal;

/// <summary>Feeds arbitrary input to PreKeyBundle.Deserialize; only <see cref="SignalProtocolException"/> may escape.</summary>
public sealed class PreKeyBundleTarget : IFuzzTarget
{
    /// <inheritdoc />
    public string Name => "signal-bundle";

    /// <inheritdoc />
    public void Run(ReadOnlySpan<byte> input)
    {
        try
        {
            _ = WotId.Signal.Keys.PreKeyBundle.Deserialize(input);
        }
        catch (SignalProtocolException)
        {
            // Documented rejection.
        }
    }
}
