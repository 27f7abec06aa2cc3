// ML-KEM-768 (FIPS 203 §6–§7, Algorithms 16–18 and the input checks of §7.2/§7.3), built on KPke768.
// Used directly by the tests (Wycheproof, BouncyCastle cross-checks); SPQR uses IncrementalMlKem768.

using System;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;

namespace WotId.Signal.Spqr.MlKem;

internal static class MlKem768
{
    public const int EncapsulationKeyBytes = KPke768.VectorBytes + 32;
    public const int DecapsulationKeyBytes = 2 * KPke768.VectorBytes + 96;
    public const int CiphertextBytes = KPke768.Ciphertext1Bytes + KPke768.Ciphertext2Bytes;
    public const int SharedSecretBytes = 32;

    /// <summary>Algorithm 16: ek and dk = dkPke ‖ ek ‖ H(ek) ‖ z from the 64-byte seed d ‖ z.</summary>
    public static void KeyGen(ReadOnlySpan<byte> seed64, Span<byte> ek, Span<byte> dk)
    {
        if (seed64.Length != 64 || ek.Length != EncapsulationKeyBytes || dk.Length != DecapsulationKeyBytes)
        {
            throw new ArgumentException("bad ML-KEM-768 sizes");
        }

        KPke768.KeyGen(seed64[..32], ek, dk[..KPke768.VectorBytes]);
        ek.CopyTo(dk.Slice(KPke768.VectorBytes, EncapsulationKeyBytes));
        SpqrPrimitives.Sha3_256(ek, dk.Slice(KPke768.VectorBytes + EncapsulationKeyBytes, 32));
        seed64[32..].CopyTo(dk[(DecapsulationKeyBytes - 32)..]);
    }

    /// <summary>Algorithm 17 with the §7.2 checks; false when ek fails the type or modulus check.</summary>
    public static bool TryEncapsulate(ReadOnlySpan<byte> ek, ReadOnlySpan<byte> m, Span<byte> ciphertext, Span<byte> sharedSecret)
    {
        if (ek.Length != EncapsulationKeyBytes || !KPke768.IsCanonical(ek[..KPke768.VectorBytes]))
        {
            return false;
        }

        Span<byte> input = stackalloc byte[64];
        m.CopyTo(input);
        SpqrPrimitives.Sha3_256(ek, input[32..]);
        Span<byte> kr = stackalloc byte[64];
        SpqrPrimitives.Sha3_512(input, kr);
        KPke768.Encrypt(ek, m, kr[32..], ciphertext);
        kr[..32].CopyTo(sharedSecret);
        CryptographicOperations.ZeroMemory(kr);
        return true;
    }

    /// <summary>Algorithm 18 with the §7.3 checks; false when the ciphertext or key fails a check.</summary>
    public static bool TryDecapsulate(ReadOnlySpan<byte> dk, ReadOnlySpan<byte> ciphertext, Span<byte> sharedSecret)
    {
        if (dk.Length != DecapsulationKeyBytes || ciphertext.Length != CiphertextBytes)
        {
            return false;
        }

        ReadOnlySpan<byte> ek = dk.Slice(KPke768.VectorBytes, EncapsulationKeyBytes);
        Span<byte> h = stackalloc byte[32];
        SpqrPrimitives.Sha3_256(ek, h);
        if (!h.SequenceEqual(dk.Slice(KPke768.VectorBytes + EncapsulationKeyBytes, 32)))
        {
            return false;
        }

        Decapsulate(dk, ciphertext, sharedSecret);
        return true;
    }

    /// <summary>Algorithm 18 without input checks (sizes must be right): implicit rejection on a bad ciphertext.</summary>
    public static void Decapsulate(ReadOnlySpan<byte> dk, ReadOnlySpan<byte> ciphertext, Span<byte> sharedSecret)
    {
        ReadOnlySpan<byte> dkPke = dk[..KPke768.VectorBytes];
        ReadOnlySpan<byte> ek = dk.Slice(KPke768.VectorBytes, EncapsulationKeyBytes);
        ReadOnlySpan<byte> h = dk.Slice(KPke768.VectorBytes + EncapsulationKeyBytes, 32);
        ReadOnlySpan<byte> z = dk[(DecapsulationKeyBytes - 32)..];
        Span<byte> input = stackalloc byte[64];
        KPke768.Decrypt(dkPke, ciphertext, input[..32]);
        h.CopyTo(input[32..]);
        Span<byte> kr = stackalloc byte[64];
        SpqrPrimitives.Sha3_512(input, kr);
        byte[] rejectionInput = new byte[32 + ciphertext.Length];
        z.CopyTo(rejectionInput);
        ciphertext.CopyTo(rejectionInput.AsSpan(32));
        Span<byte> rejected = stackalloc byte[32];
        SpqrPrimitives.Shake256(rejectionInput, rejected);
        byte[] reencrypted = new byte[CiphertextBytes];
        KPke768.Encrypt(ek, input[..32], kr[32..], reencrypted);
        bool equal = CryptographicOperations.FixedTimeEquals(reencrypted, ciphertext);
        for (int i = 0; i < 32; i++)
        {
            int mask = -Unsafe.BitCast<bool, byte>(equal) & 0xFF; // no branch on the comparison result
            sharedSecret[i] = (byte)((kr[i] & mask) | (rejected[i] & ~mask));
        }

        CryptographicOperations.ZeroMemory(kr);
        CryptographicOperations.ZeroMemory(input);
        CryptographicOperations.ZeroMemory(rejected);
    }
}
