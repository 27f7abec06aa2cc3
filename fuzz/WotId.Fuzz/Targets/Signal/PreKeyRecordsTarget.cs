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
        // The first byte picks the decoder, the rest is the record: the selector stays apart from the protobuf bytes,
        // so a mutation of the record never silently switches decoders.
        ReadOnlySpan<byte> record = input.IsEmpty ? input : input[1..];
        switch (input.IsEmpty ? 0 : input[0] % 4)
        {
            case 0: WotId.Signal.Keys.IdentityKeyPair.Deserialize(record).Dispose(); break;
            case 1: WotId.Signal.Keys.PreKeyRecord.Deserialize(record).Dispose(); break;
            case 2: WotId.Signal.Keys.SignedPreKeyRecord.Deserialize(record).Dispose(); break;
            default: WotId.Signal.Keys.KyberPreKeyRecord.Deserialize(record).Dispose(); break;
        }
    }
}
