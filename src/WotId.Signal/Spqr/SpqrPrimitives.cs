// Hash and KDF primitives used by SPQR (SparsePostQuantumRatchet src/kdf.rs, src/authenticator.rs; FIPS 202
// SHA3/SHAKE for ML-KEM). One facade over WotId.Crypto for the rest of the SPQR code.

using System;
using System.Security.Cryptography;
using WotId.Crypto;

namespace WotId.Signal.Spqr;

internal static class SpqrPrimitives
{
    private static readonly byte[] s_zeroSalt = new byte[32];

    /// <summary>HKDF-SHA256 with the given salt (32 zero bytes when empty), as the crate's kdf::hkdf_to_slice.</summary>
    public static void Hkdf(ReadOnlySpan<byte> salt, ReadOnlySpan<byte> ikm, ReadOnlySpan<byte> info, Span<byte> output)
    {
        HkdfSha256.DeriveKey(ikm, salt.IsEmpty ? s_zeroSalt : salt, info, output);
    }

    public static void HmacSha256(ReadOnlySpan<byte> key, ReadOnlySpan<byte> data, Span<byte> mac32)
    {
        WotId.Crypto.HmacSha256.Compute(key, data, mac32);
    }

    public static void Sha3_256(ReadOnlySpan<byte> data, Span<byte> digest32)
    {
        WotId.Crypto.Sha3_256.Hash(data, digest32);
    }

    public static void Sha3_512(ReadOnlySpan<byte> data, Span<byte> digest64)
    {
        WotId.Crypto.Sha3_512.Hash(data, digest64);
    }

    public static void Shake128(ReadOnlySpan<byte> data, Span<byte> output)
    {
        WotId.Crypto.Shake128.Hash(data, output);
    }

    public static void Shake256(ReadOnlySpan<byte> data, Span<byte> output)
    {
        WotId.Crypto.Shake256.Hash(data, output);
    }

    public static bool FixedTimeEquals(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b)
    {
        return CryptographicOperations.FixedTimeEquals(a, b);
    }
}
