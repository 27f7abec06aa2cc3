// Fuzz target: differential ML-KEM encapsulation (FIPS 203 Algorithm 17 with the §7.2 key check) of untrusted
// encapsulation keys. Byte 0 picks ML-KEM-512/768/1024, bytes 1–32 are m (zero-padded), the rest is the key. The
// project's encapsulation on every path (AVX2 or scalar NTT × platform or managed SHAKE) and BouncyCastle's must give
// the same answer and, when the key is accepted, the same ciphertext and shared secret. Any exception is a finding.
using System;
using WotId.Crypto;

namespace WotId.Fuzz.Targets.Crypto;

/// <summary>Compares the encapsulation paths of MLKemEncapsulator with BouncyCastle on one input.</summary>
public sealed class MLKemEncapsulationPathsTarget : IFuzzTarget
{
    /// <inheritdoc />
    public string Name => "crypto-mlkem-encaps-paths";

    /// <inheritdoc />
    public void Run(ReadOnlySpan<byte> input)
    {
        if (input.IsEmpty)
        {
            return;
        }

        MLKemParameterSet p = (input[0] % 3) switch
        {
            0 => MLKemParameterSet.MLKem512,
            1 => MLKemParameterSet.MLKem768,
            _ => MLKemParameterSet.MLKem1024,
        };
        Span<byte> m = stackalloc byte[32];
        ReadOnlySpan<byte> rest = input[1..];
        rest[..Math.Min(32, rest.Length)].CopyTo(m);
        ReadOnlySpan<byte> key = rest.Length > 32 ? rest[32..] : [];

        var expectedCt = new byte[p.CiphertextBytes];
        var expectedSs = new byte[32];
        bool expected = MLKem.TryEncapsulateBouncyCastle(p, key, m, expectedCt, expectedSs);
        foreach (bool vector in MLKemNtt.Vectorized ? new[] { true, false } : [false])
        {
            foreach (bool platform in MLDsaXof.Platform ? new[] { true, false } : [false])
            {
                var ct = new byte[p.CiphertextBytes];
                var ss = new byte[32];
                bool ok = MLKemEncapsulator.Encapsulate(p, key, m, ct, ss, vector, platform);
                if (ok != expected || (ok && (!ct.AsSpan().SequenceEqual(expectedCt) || !ss.AsSpan().SequenceEqual(expectedSs))))
                {
                    throw new InvalidOperationException($"ML-KEM encapsulation paths disagree (k = {p.K}, vector {vector}, platform SHAKE {platform})");
                }
            }
        }
    }
}
