// Fuzz target: the identity, prekey, signed prekey and Kyber prekey record decoders.
using System;
using WotId.Signal;

namespace WotId.Fuzz.Targets.Signal;

/// <summary>Feeds arbitrary input to the identity, prekey, signed prekey and Kyber prekey record decoders; only <see cref="SignalProtocolException"/> may escape.</summary>
public sealed class PreKeyRecordsTarget : IFuzzTarget
{
    /// <inheritdoc />
    public string Name => "signal-prekey-records";

    /// <inheritdoc />
    public void Run(ReadOnlySpan<byte> input)
    {
        try
        {
            DecodeRecords(input);
        }
        catch (SignalProtocolException)
        {
            // Documented rejection.
        }
    }

    private static void DecodeRecords(ReadOnlySpan<byte> input)
    {
        switch (input.IsEmpty ? 0 : input[0] % 4)
        {
            case 0: WotId.Signal.Keys.IdentityKeyPair.Deserialize(input).Dispose(); break;
            case 1: WotId.Signal.Keys.PreKeyRecord.Deserialize(input).Dispose(); break;
            case 2: WotId.Signal.Keys.SignedPreKeyRecord.Deserialize(input).Dispose(); break;
            default: WotId.Signal.Keys.KyberPreKeyRecord.Deserialize(input).Dispose(); break;
        }
    }
}
