// Fuzz target: ML-KEM encapsulation-key check and encapsulation (FIPS 203 §7.2) of untrusted public keys.
// The first byte picks ML-KEM-768 or -1024; the rest is the key. A bad key is false; any exception is a finding.
using System;
using WotId.Crypto;

namespace WotId.Fuzz.Targets.Crypto;

/// <summary>Feeds the input as an ML-KEM public key to IsValidPublicKey and TryEncapsulate.</summary>
public sealed class MLKemEncapsulationKeyTarget : IFuzzTarget
{
    /// <inheritdoc />
    public string Name => "crypto-mlkem-encaps-key";

    /// <inheritdoc />
    public void Run(ReadOnlySpan<byte> input)
    {
        if (input.IsEmpty)
        {
            return;
        }

        MLKemAlgorithm alg = (input[0] & 1) == 0 ? MLKemAlgorithm.MLKem768 : MLKemAlgorithm.MLKem1024;
        ReadOnlySpan<byte> key = input[1..];
        bool valid = MLKem.IsValidPublicKey(alg, key);
        var ciphertext = new byte[MLKem.CiphertextSize(alg)];
        var secret = new byte[MLKem.SharedSecretSize];
        if (MLKem.TryEncapsulate(alg, key, ciphertext, secret) != valid)
        {
            throw new InvalidOperationException("TryEncapsulate and IsValidPublicKey disagree");
        }
    }
}
