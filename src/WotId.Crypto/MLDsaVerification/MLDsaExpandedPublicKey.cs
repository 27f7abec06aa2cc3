// What ML-DSA verification derives from the public key alone (FIPS 204 Algorithm 8 steps 5–6 and the t1 half of
// step 9): Â = ExpandA(ρ), tr = H(pk, 64) and NTT(t1·2^d). A key that signs many messages (a contact's TSP
// messages, an issuer's credentials) is expanded once and kept in MLDsaExpandedKeyCache.
using System;

namespace WotId.Crypto;

/// <summary>The public-key-only part of ML-DSA verification, computed once.</summary>
internal sealed class MLDsaExpandedPublicKey
{
    private MLDsaExpandedPublicKey(MLDsaParameterSet set, byte[] publicKey, byte[] tr, int[] aHat, int[] t1Hat)
    {
        Set = set;
        PublicKey = publicKey;
        Tr = tr;
        AHat = aHat;
        T1Hat = t1Hat;
    }

    public MLDsaParameterSet Set { get; }

    public byte[] PublicKey { get; }

    /// <summary>tr = H(pk, 64).</summary>
    public byte[] Tr { get; }

    /// <summary>Â row-major: entry (r, s) at (r·ℓ + s)·256.</summary>
    public int[] AHat { get; }

    /// <summary>NTT(t1·2^d), row r at r·256.</summary>
    public int[] T1Hat { get; }

    /// <summary>Expands a public key of the right length for <paramref name="set"/>.</summary>
    public static MLDsaExpandedPublicKey Create(MLDsaParameterSet set, ReadOnlySpan<byte> publicKey, bool vector, bool platformShake)
    {
        const int N = MLDsaNtt.N;
        var tr = new byte[64];
        MLDsaXof.Shake256(publicKey, tr, platformShake);
        var aHat = new int[set.K * set.L * N];
        MLDsaSampling.ExpandA(set, publicKey[..32], aHat, vector, platformShake);
        var t1Hat = new int[set.K * N];
        for (int r = 0; r < set.K; r++)
        {
            Span<int> t = t1Hat.AsSpan(r * N, N);
            MLDsaEncoding.DecodeT1Shifted(publicKey, r, t);
            MLDsaNtt.Forward(t, vector);
        }

        return new MLDsaExpandedPublicKey(set, publicKey.ToArray(), tr, aHat, t1Hat);
    }
}
