using System;
using System.Security.Cryptography;
using MLKem = WotId.Crypto.MLKem;
using MLKemAlgorithm = WotId.Crypto.MLKemAlgorithm;
using WotId.Crypto;
using WotId.Signal.Spqr.MlKem;
using Xunit;

namespace WotId.Signal.Tests.Spqr;

/// <summary>Our incremental ML-KEM-768 against BouncyCastle (through WotId.Crypto), in both directions.</summary>
public sealed class MlKem768BouncyCastleTests
{
    [Fact]
    public void SameKeysFromTheSameSeed()
    {
        for (int i = 0; i < 10; i++)
        {
            byte[] seed = RandomNumberGenerator.GetBytes(64);
            using MLKemPrivateKey bc = MLKemPrivateKey.FromSeed(MLKemAlgorithm.MLKem768, seed);
            (byte[] header, byte[] ek, byte[] dk) = IncrementalMlKem768.FromSeed(seed);
            byte[] full = [.. ek, .. header.AsSpan(0, 32)];
            Assert.Equal(bc.PublicKey, full);
            Assert.Equal(bc.ExportExpanded(), dk);
            Assert.Equal(Sha3_256.Hash(full), header[32..]);
        }
    }

    [Fact]
    public void IncrementalEncapsulationDecapsulatesInBouncyCastle()
    {
        using var rng = RandomNumberGenerator.Create();
        for (int i = 0; i < 10; i++)
        {
            using MLKemPrivateKey bc = MLKemPrivateKey.Generate(MLKemAlgorithm.MLKem768);
            byte[] publicKey = bc.PublicKey;
            byte[] ek = publicKey[..IncrementalMlKem768.EncapsulationKeyBytes];
            byte[] header = [.. publicKey.AsSpan(IncrementalMlKem768.EncapsulationKeyBytes), .. Sha3_256.Hash(publicKey)];
            Assert.True(IncrementalMlKem768.EncapsulationKeyMatchesHeader(ek, header));
            (byte[] ct1, byte[] state, byte[] ours) = IncrementalMlKem768.Encapsulate1(header, rng);
            byte[] ct2 = IncrementalMlKem768.Encapsulate2(ek, state);
            byte[] theirs = new byte[32];
            bc.Decapsulate([.. ct1, .. ct2], theirs);
            Assert.Equal(theirs, ours);
        }
    }

    [Fact]
    public void BouncyCastleEncapsulationDecapsulatesHere()
    {
        using var rng = RandomNumberGenerator.Create();
        for (int i = 0; i < 10; i++)
        {
            (byte[] header, byte[] ek, byte[] dk) = IncrementalMlKem768.Generate(rng);
            byte[] publicKey = [.. ek, .. header.AsSpan(0, 32)];
            byte[] ciphertext = new byte[MLKem.CiphertextSize(MLKemAlgorithm.MLKem768)];
            byte[] theirs = new byte[32];
            Assert.True(MLKem.TryEncapsulate(MLKemAlgorithm.MLKem768, publicKey, ciphertext, theirs));
            byte[] ours = IncrementalMlKem768.Decapsulate(
                dk, ciphertext.AsSpan(0, IncrementalMlKem768.Ciphertext1Bytes), ciphertext.AsSpan(IncrementalMlKem768.Ciphertext1Bytes));
            Assert.Equal(theirs, ours);
        }
    }

    [Fact]
    public void KeyFromAnotherHeaderIsRefused()
    {
        using var rng = RandomNumberGenerator.Create();
        (byte[] header, _, _) = IncrementalMlKem768.Generate(rng);
        (_, byte[] otherEk, _) = IncrementalMlKem768.Generate(rng);
        Assert.False(IncrementalMlKem768.EncapsulationKeyMatchesHeader(otherEk, header));
    }
}
