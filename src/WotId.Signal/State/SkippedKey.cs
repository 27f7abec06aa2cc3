// A stored message-key seed for a skipped counter (libsignal storage.proto SessionStructure.Chain.MessageKey,
// field 5 "seed"; the 80 bytes of keys are derived from it on use).
namespace WotId.Signal.State;

/// <summary>Counter and 32-byte seed (HMAC-SHA256(chain key, 0x01)) of a skipped message.</summary>
internal readonly record struct SkippedKey(uint Index, byte[] Seed);
