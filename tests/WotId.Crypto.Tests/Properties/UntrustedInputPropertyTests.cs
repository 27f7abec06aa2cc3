// Every WotId.Crypto entry point that reads bytes from the network (public keys, signatures, ciphertexts) answers
// arbitrary input with its documented result: false for a failed check, ArgumentException for a wrong length, and
// nothing else. Lengths are biased towards the valid sizes so the inputs reach the decoders behind the length checks.
using System;
using CsCheck;

namespace WotId.Crypto.Tests.Properties;

public sealed class UntrustedInputPropertyTests
{
    private static Gen<byte[]> Bytes(int size) => Gen.OneOf(Gen.Byte.Array[size], Gen.Byte.Array[0, size + 8]);

    [Fact]
    public void Ed25519VerifyOnArbitraryInputReturnsABool() =>
        Gen.Select(Bytes(32), Gen.Byte.Array[0, 64], Bytes(64)).Sample((pk, msg, sig) =>
            Returns(() => Ed25519.Verify(pk, msg, sig)), iter: 5_000);

    [Fact]
    public void XEdDsaVerifyOnArbitraryInputReturnsABool() =>
        Gen.Select(Bytes(32), Gen.Byte.Array[0, 64], Bytes(64)).Sample((u, msg, sig) =>
            Returns(() => XEdDsa.Verify(u, msg, sig)), iter: 5_000);

    [Fact]
    public void X25519AgreeOnArbitraryPublicKeysReturnsABool()
    {
        using X25519PrivateKey key = X25519PrivateKey.Generate();
        Bytes(32).Sample(pub => Documented(() => key.TryAgree(pub, new byte[32])), iter: 5_000);
    }

    [Fact]
    public void AeadAndCbcDecryptionOfArbitraryCiphertextReturnsABool()
    {
        byte[] key = RandomBytes.Get(32);
        Gen.Select(Gen.Byte.Array[0, 100], Gen.Byte.Array[0, 20]).Sample((ct, aad) =>
        {
            var plain = new byte[Math.Max(0, ct.Length - 16)];
            Documented(() => ChaCha20Poly1305Aead.TryDecrypt(key, new byte[12], ct, aad, plain));
            Documented(() => Aes256GcmAead.TryDecrypt(key, new byte[12], ct, aad, plain));
            Documented(() => Aes256Cbc.TryDecrypt(key, new byte[16], ct, out _));
        }, iter: 3_000);
        Gen.Select(Gen.Byte.Array[0, 100], Bytes(32), Gen.Byte.Array[0, 20]).Sample((ct, tag, aad) =>
            Documented(() => Aegis256.TryDecrypt(key, new byte[32], ct, tag, aad, new byte[ct.Length])), iter: 3_000);
    }

    [Theory]
    [InlineData(MLDsaAlgorithm.MLDsa44)]
    [InlineData(MLDsaAlgorithm.MLDsa65)]
    [InlineData(MLDsaAlgorithm.MLDsa87)]
    public void MLDsaVerifyOnArbitraryKeysAndSignaturesReturnsABool(MLDsaAlgorithm alg)
    {
        using MLDsaPrivateKey real = MLDsaPrivateKey.Generate(alg);
        Gen<byte[]> keys = Gen.OneOf(Gen.Const(real.PublicKey), Bytes(MLDsa.PublicKeySize(alg)));
        Gen.Select(keys, Gen.Byte.Array[0, 40], Bytes(MLDsa.SignatureSize(alg))).Sample((pk, msg, sig) =>
            Returns(() => MLDsa.Verify(alg, pk, msg, [], sig)), iter: 300);
    }

    [Theory]
    [InlineData(MLDsaAlgorithm.MLDsa44)]
    [InlineData(MLDsaAlgorithm.MLDsa65)]
    [InlineData(MLDsaAlgorithm.MLDsa87)]
    public void MLDsaExpandedKeyImportOfArbitraryBytesThrowsOnlyArgumentException(MLDsaAlgorithm alg)
    {
        using MLDsaPrivateKey real = MLDsaPrivateKey.Generate(alg);
        byte[] valid = real.ExportExpanded();
        Gen<byte[]> mutated = Gen.Select(Gen.Int[0, valid.Length - 1], Gen.Byte).Select((i, b) =>
        {
            byte[] copy = (byte[])valid.Clone();
            copy[i] = b;
            return copy;
        });
        Gen.OneOf(mutated, Bytes(valid.Length)).Sample(sk => Documented(() =>
        {
            using MLDsaPrivateKey k = MLDsaPrivateKey.FromExpanded(alg, sk);
            return k.Sign([1, 2, 3], [], deterministic: true).Length == MLDsa.SignatureSize(alg);
        }), iter: 200);
    }

    [Theory]
    [InlineData(MLKemAlgorithm.MLKem768)]
    [InlineData(MLKemAlgorithm.MLKem1024)]
    public void MLKemOnArbitraryKeysAndCiphertextsGivesDocumentedResults(MLKemAlgorithm alg)
    {
        using MLKemPrivateKey key = MLKemPrivateKey.Generate(alg);
        int ctSize = MLKem.CiphertextSize(alg);
        Gen.Select(Bytes(MLKem.PublicKeySize(alg)), Bytes(ctSize)).Sample((pk, ct) =>
        {
            Returns(() => MLKem.TryEncapsulate(alg, pk, new byte[ctSize], new byte[32]));
            Returns(() => MLKem.IsValidPublicKey(alg, pk));
            Documented(() =>
            {
                key.Decapsulate(ct, new byte[32]); // implicit rejection: a pseudorandom secret, never an error
                return true;
            });
            if (alg == MLKemAlgorithm.MLKem1024)
            {
                Documented(() =>
                {
                    Kyber1024Round3.Decapsulate(key, ct, new byte[32]);
                    return true;
                });
            }
        }, iter: 300);
    }

    [Theory]
    [InlineData(MLKemAlgorithm.MLKem768)]
    [InlineData(MLKemAlgorithm.MLKem1024)]
    public void MLKemExpandedKeyImportOfArbitraryBytesThrowsOnlyArgumentException(MLKemAlgorithm alg)
    {
        using MLKemPrivateKey real = MLKemPrivateKey.Generate(alg);
        byte[] valid = real.ExportExpanded();
        Gen<byte[]> mutated = Gen.Select(Gen.Int[0, valid.Length - 1], Gen.Byte).Select((i, b) =>
        {
            byte[] copy = (byte[])valid.Clone();
            copy[i] = b;
            return copy;
        });
        Gen.OneOf(mutated, Bytes(valid.Length)).Sample(dk => Documented(() =>
        {
            using MLKemPrivateKey k = MLKemPrivateKey.FromExpanded(alg, dk);
            k.Decapsulate(new byte[MLKem.CiphertextSize(alg)], new byte[32]);
            return true;
        }), iter: 200);
    }

    [Fact]
    public void Falcon512VerifyOnArbitraryKeysAndSignaturesReturnsABool()
    {
        using Falcon512PrivateKey real = Falcon512PrivateKey.Generate();
        byte[] msg = [1, 2, 3];
        byte[] sig = real.Sign(msg);
        Gen<byte[]> keys = Gen.OneOf(
            Gen.Const(real.PublicKey),
            Gen.Byte.Array[Falcon512.PublicKeySize - 1].Select(b => (byte[])[0x09, .. b]),
            Bytes(Falcon512.PublicKeySize));
        Gen<byte[]> sigs = Gen.OneOf(
            Gen.Select(Gen.Int[0, sig.Length - 1], Gen.Byte).Select((i, b) =>
            {
                byte[] copy = (byte[])sig.Clone();
                copy[i] = b;
                return copy;
            }),
            Gen.Byte.Array[40, Falcon512.PaddedSignatureSize].Select(b => (byte[])[0x39, .. b]),
            Gen.Byte.Array[0, 700]);
        Gen.Select(keys, sigs).Sample((pk, s) => Returns(() => Falcon512.Verify(pk, msg, s)), iter: 500);
    }

    [Fact]
    public void CompositeMLDsaVerifyOnArbitrarySignaturesReturnsABool()
    {
        using MLDsaPrivateKey mldsa = MLDsaPrivateKey.FromSeed(MLDsaAlgorithm.MLDsa65, new byte[32]);
        using Ed25519PrivateKey ed = Ed25519PrivateKey.FromSeed(new byte[32]);
        byte[] pk = [.. mldsa.PublicKeySpan, .. ed.PublicKeySpan];
        byte[] valid = CompositeMLDsa.Sign(CompositeMLDsaAlgorithm.MLDsa65Ed25519, mldsa, ed, "m"u8);
        Gen<byte[]> sigs = Gen.OneOf(
            Bytes(3373),
            Gen.Int[0, 3372].Select(Gen.Byte, (i, b) => { byte[] s = (byte[])valid.Clone(); s[i] ^= (byte)(b | 1); return s; }));
        Gen.Select(Gen.OneOf(Gen.Const(pk), Bytes(1984)), sigs).Sample((key, s) =>
        {
            Returns(() => CompositeMLDsa.Verify(CompositeMLDsaAlgorithm.MLDsa65Ed25519, key, "m"u8, s));
            Returns(() => CompositeMLDsa.Verify(CompositeMLDsaAlgorithm.MLDsa44Ed25519, key, "m"u8, s));
        }, iter: 300);
    }

    /// <summary>Verification and key checks report failure as false for any input, wrong lengths included: no exception.</summary>
    private static void Returns(Func<bool> operation) => _ = operation();

    /// <summary>Runs <paramref name="operation"/>; a bool result or an ArgumentException is documented, anything else fails.</summary>
    private static void Documented(Func<bool> operation)
    {
        try
        {
            _ = operation();
        }
        catch (ArgumentException)
        {
            // Misuse (wrong length): documented.
        }
    }
}
