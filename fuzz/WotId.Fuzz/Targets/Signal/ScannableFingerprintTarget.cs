// Fuzz target: ScannableFingerprint parsing.
using System;
using WotId.Signal;

namespace WotId.Fuzz.Targets.Signal;

/// <summary>Feeds arbitrary input to ScannableFingerprint parsing; only <see cref="SignalProtocolException"/> may escape.</summary>
public sealed class ScannableFingerprintTarget : IFuzzTarget
{
    /// <inheritdoc />
    public string Name => "signal-fingerprint";

    /// <inheritdoc />
    public void Run(ReadOnlySpan<byte> input)
    {
        try
        {
            _ = WotId.Signal.Fingerprints.ScannableFingerprint.Parse(input);
        }
        catch (SignalProtocolException)
        {
            // Documented rejection.
        }
    }
}
