// libsignal's Double Ratchet key derivations (rust/protocol/src/ratchet/keys.rs, triple_ratchet.rs):
//   KDF_RK(rk, dh)  = HKDF-SHA256(salt = rk, ikm = dh, info = "WhisperRatchet", 64) → (root key, chain key)
//   seed(ck)        = HMAC-SHA256(ck, 0x01);  next(ck) = HMAC-SHA256(ck, 0x02)
//   message keys    = HKDF-SHA256(salt = SPQR key or none, ikm = seed, info = "WhisperMessageKeys", 80)
//                     → cipher key (32) ‖ MAC key (32) ‖ IV (16)
using System;
using WotId.Crypto;

namespace WotId.Signal.Ratchet;

/// <summary>Root, chain and message key derivations.</summary>
internal static class RatchetKdf
{
    private static readonly byte[] s_ratchetInfo = "WhisperRatchet"u8.ToArray();
    private static readonly byte[] s_messageKeysInfo = "WhisperMessageKeys"u8.ToArray();
    private static readonly byte[] s_seedInput = [0x01];
    private static readonly byte[] s_nextInput = [0x02];

    /// <summary>Derives (new root key, chain key) from the root key and a DH output.</summary>
    internal static void DeriveRoot(ReadOnlySpan<byte> rootKey, ReadOnlySpan<byte> dh, Span<byte> newRoot, Span<byte> chainKey)
    {
        Span<byte> okm = stackalloc byte[64];
        HkdfSha256.DeriveKey(dh, rootKey, s_ratchetInfo, okm);
        okm[..32].CopyTo(newRoot);
        okm[32..].CopyTo(chainKey);
        okm.Clear();
    }

    /// <summary>The message-key seed of a chain key.</summary>
    internal static void Seed(ReadOnlySpan<byte> chainKey, Span<byte> seed) => HmacSha256.Compute(chainKey, s_seedInput, seed);

    /// <summary>The next chain key.</summary>
    internal static void Next(ReadOnlySpan<byte> chainKey, Span<byte> next) => HmacSha256.Compute(chainKey, s_nextInput, next);

    /// <summary>Expands a seed (and the SPQR key, if any, as salt) into 80 bytes of message keys.</summary>
    internal static void MessageKeys(ReadOnlySpan<byte> seed, ReadOnlySpan<byte> spqrKey, Span<byte> keys80) =>
        HkdfSha256.DeriveKey(seed, spqrKey, s_messageKeysInfo, keys80);
}
