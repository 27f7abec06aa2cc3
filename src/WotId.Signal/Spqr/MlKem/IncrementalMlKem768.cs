// Incremental ML-KEM-768 as SPQR uses it (SparsePostQuantumRatchet src/incremental_mlkem768.rs over libcrux
// mlkem768::incremental): header = ρ ‖ SHA3-256(ek), ek part = ByteEncode12(t̂) (1152 bytes),
// ct1 = u (960), ct2 = v (128), dk = the FIPS 203 decapsulation key (libcrux's "compressed" layout,
// dkPke ‖ t̂ ‖ ρ ‖ H(ek) ‖ z, 2400 bytes). Encapsulation with only the header yields ct1 and the shared secret;
// ct2 follows once the rest of the key arrives. Decapsulation is ordinary ML-KEM-768 over ct1 ‖ ct2.

using System;
using System.Buffers.Binary;
using System.Security.Cryptography;

namespace WotId.Signal.Spqr.MlKem;

internal static class IncrementalMlKem768
{
    public const int HeaderBytes = 64;
    public const int EncapsulationKeyBytes = KPke768.VectorBytes;
    public const int DecapsulationKeyBytes = MlKem768.DecapsulationKeyBytes;
    public const int Ciphertext1Bytes = KPke768.Ciphertext1Bytes;
    public const int Ciphertext2Bytes = KPke768.Ciphertext2Bytes;

    /// <summary>ŷ (3 × 256 u16) ‖ e2 (256 u16) ‖ m (32).</summary>
    public const int EncapsulationStateBytes = (KPke768.K + 1) * MlKemPoly.N * 2 + 32;

    /// <summary>Generates a key pair: (header, ek part, dk).</summary>
    public static (byte[] Header, byte[] EncapsulationKey, byte[] DecapsulationKey) Generate(RandomNumberGenerator rng)
    {
        byte[] seed = new byte[64];
        rng.GetBytes(seed);
        (byte[] Header, byte[] EncapsulationKey, byte[] DecapsulationKey) keys = FromSeed(seed);
        CryptographicOperations.ZeroMemory(seed);
        return keys;
    }

    /// <summary>Deterministic key generation from d ‖ z (FIPS 203 ML-KEM.KeyGen_internal).</summary>
    public static (byte[] Header, byte[] EncapsulationKey, byte[] DecapsulationKey) FromSeed(ReadOnlySpan<byte> seed64)
    {
        byte[] ek = new byte[MlKem768.EncapsulationKeyBytes];
        byte[] dk = new byte[DecapsulationKeyBytes];
        MlKem768.KeyGen(seed64, ek, dk);
        byte[] header = new byte[HeaderBytes];
        ek.AsSpan(KPke768.VectorBytes).CopyTo(header);
        dk.AsSpan(KPke768.VectorBytes + MlKem768.EncapsulationKeyBytes, 32).CopyTo(header.AsSpan(32));
        return (header, ek[..KPke768.VectorBytes], dk);
    }

    /// <summary>True when SHA3-256(ek ‖ ρ) equals the header's hash (libcrux validate_pk_bytes).</summary>
    public static bool EncapsulationKeyMatchesHeader(ReadOnlySpan<byte> ek, ReadOnlySpan<byte> header)
    {
        if (ek.Length != EncapsulationKeyBytes || header.Length != HeaderBytes)
        {
            return false;
        }

        byte[] full = new byte[MlKem768.EncapsulationKeyBytes];
        ek.CopyTo(full);
        header[..32].CopyTo(full.AsSpan(EncapsulationKeyBytes));
        Span<byte> hash = stackalloc byte[32];
        SpqrPrimitives.Sha3_256(full, hash);
        return hash.SequenceEqual(header[32..]);
    }

    /// <summary>First encapsulation step: ct1, the state for step two, and the 32-byte shared secret.</summary>
    public static (byte[] Ciphertext1, byte[] State, byte[] SharedSecret) Encapsulate1(ReadOnlySpan<byte> header, RandomNumberGenerator rng)
    {
        byte[] m = new byte[32];
        rng.GetBytes(m);
        (byte[] Ciphertext1, byte[] State, byte[] SharedSecret) result = Encapsulate1(header, m);
        CryptographicOperations.ZeroMemory(m);
        return result;
    }

    /// <summary>First encapsulation step with explicit randomness m (tests).</summary>
    public static (byte[] Ciphertext1, byte[] State, byte[] SharedSecret) Encapsulate1(ReadOnlySpan<byte> header, ReadOnlySpan<byte> m)
    {
        if (header.Length != HeaderBytes || m.Length != 32)
        {
            throw new ArgumentException("bad incremental ML-KEM-768 sizes");
        }

        Span<byte> input = stackalloc byte[64];
        m.CopyTo(input);
        header[32..].CopyTo(input[32..]);
        Span<byte> kr = stackalloc byte[64];
        SpqrPrimitives.Sha3_512(input, kr);
        byte[] ct1 = new byte[Ciphertext1Bytes];
        (int[][] yHat, int[] e2) = KPke768.EncryptU(header[..32], kr[32..], ct1);
        byte[] state = new byte[EncapsulationStateBytes];
        int at = 0;
        foreach (int[] poly in yHat)
        {
            at = WritePoly(poly, state, at);
            Array.Clear(poly);
        }

        at = WritePoly(e2, state, at);
        Array.Clear(e2);
        m.CopyTo(state.AsSpan(at));
        byte[] sharedSecret = kr[..32].ToArray();
        CryptographicOperations.ZeroMemory(kr);
        return (ct1, state, sharedSecret);
    }

    /// <summary>Second encapsulation step: ct2 from the key's t̂ part and the state of step one.</summary>
    /// <exception cref="SpqrException">Malformed state.</exception>
    public static byte[] Encapsulate2(ReadOnlySpan<byte> ek, ReadOnlySpan<byte> state)
    {
        if (ek.Length != EncapsulationKeyBytes || state.Length != EncapsulationStateBytes)
        {
            throw new SpqrException(SpqrError.Malformed, "encapsulation state size");
        }

        var yHat = new int[KPke768.K][];
        int at = 0;
        for (int i = 0; i < KPke768.K; i++)
        {
            yHat[i] = ReadPoly(state, ref at);
        }

        int[] e2 = ReadPoly(state, ref at);
        byte[] ct2 = new byte[Ciphertext2Bytes];
        KPke768.EncryptV(ek, yHat, e2, state[at..], ct2);
        foreach (int[] poly in yHat)
        {
            Array.Clear(poly);
        }

        Array.Clear(e2);
        return ct2;
    }

    /// <summary>True when a serialized encapsulation state has the right size and reduced coefficients.</summary>
    public static bool IsValidState(ReadOnlySpan<byte> state)
    {
        if (state.Length != EncapsulationStateBytes)
        {
            return false;
        }

        for (int p = 0; p < (KPke768.K + 1) * MlKemPoly.N * 2; p += 2)
        {
            if (BinaryPrimitives.ReadUInt16BigEndian(state[p..]) >= MlKemPoly.Q)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Decapsulates ct1 ‖ ct2 with a 2400-byte dk (implicit rejection, as ML-KEM).</summary>
    public static byte[] Decapsulate(ReadOnlySpan<byte> dk, ReadOnlySpan<byte> ct1, ReadOnlySpan<byte> ct2)
    {
        if (dk.Length != DecapsulationKeyBytes || ct1.Length != Ciphertext1Bytes || ct2.Length != Ciphertext2Bytes)
        {
            throw new SpqrException(SpqrError.Malformed, "decapsulation sizes");
        }

        byte[] ciphertext = new byte[MlKem768.CiphertextBytes];
        ct1.CopyTo(ciphertext);
        ct2.CopyTo(ciphertext.AsSpan(Ciphertext1Bytes));
        byte[] sharedSecret = new byte[32];
        MlKem768.Decapsulate(dk, ciphertext, sharedSecret);
        return sharedSecret;
    }

    private static int WritePoly(int[] poly, byte[] output, int at)
    {
        foreach (int c in poly)
        {
            BinaryPrimitives.WriteUInt16BigEndian(output.AsSpan(at), (ushort)c);
            at += 2;
        }

        return at;
    }

    private static int[] ReadPoly(ReadOnlySpan<byte> input, ref int at)
    {
        int[] poly = new int[MlKemPoly.N];
        for (int i = 0; i < MlKemPoly.N; i++)
        {
            int c = BinaryPrimitives.ReadUInt16BigEndian(input[at..]);
            if (c >= MlKemPoly.Q)
            {
                throw new SpqrException(SpqrError.Malformed, "encapsulation state coefficient");
            }

            poly[i] = c;
            at += 2;
        }

        return poly;
    }
}
