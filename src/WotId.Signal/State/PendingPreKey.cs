// The prekey data an unacknowledged initiator repeats in every PreKeySignalMessage (libsignal storage.proto
// SessionStructure.PendingPreKey (field 9) and PendingKyberPreKey (field 14); libsignal `proto/storage.proto`).
namespace WotId.Signal.State;

/// <summary>What an initiator sends until the first reply arrives.</summary>
internal sealed record PendingPreKey(
    uint? PreKeyId,
    uint SignedPreKeyId,
    Keys.EcPublicKey BaseKey,
    ulong Timestamp,
    uint KyberPreKeyId,
    byte[] KyberCiphertext);
