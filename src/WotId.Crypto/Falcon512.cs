// Falcon-512 verification (Falcon round-3 specification v1.2 §3.11; NIST FN-DSA draft). EXPERIMENTAL:
// FIPS 206 is not final and Falcon has no registered JOSE alg or multicodec. Through BouncyCastle 2.7.0.
// Public keys use the NIST/noble 897-byte form: header 0x09 ‖ h (896 bytes). Signatures are the compressed
// form (header 0x39 ‖ 40-byte nonce ‖ compressed s); the 666-byte padded form is accepted by stripping the
// zero fill, as BouncyCastle only reads the compressed form.
using System;
using Org.BouncyCastle.Pqc.Crypto.Falcon;

namespace WotId.Crypto;

/// <summary>Falcon-512 verification and sizes (experimental).</summary>
public static class Falcon512
{
    /// <summary>Public key size (with the 0x09 header byte).</summary>
    public const int PublicKeySize = 897;

    /// <summary>Padded signature size.</summary>
    public const int PaddedSignatureSize = 666;

    /// <summary>Seed size consumed by deterministic key generation.</summary>
    public const int SeedSize = 48;

    internal const byte PublicKeyHeader = 0x09;

    /// <summary>True when <paramref name="signature"/> (compressed or padded) is valid.</summary>
    public static bool Verify(ReadOnlySpan<byte> publicKey, ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature)
    {
        if (publicKey.Length != PublicKeySize || publicKey[0] != PublicKeyHeader || signature.Length < 42 || signature.Length > PaddedSignatureSize)
        {
            return false;
        }

        var key = new FalconPublicKeyParameters(FalconParameters.falcon_512, publicKey[1..].ToArray());
        if (VerifyOnce(key, message, signature))
        {
            return true;
        }

        int end = signature.Length;
        while (end > 41 && signature[end - 1] == 0)
        {
            end--;
        }

        return end != signature.Length && VerifyOnce(key, message, signature[..end]);
    }

    private static bool VerifyOnce(FalconPublicKeyParameters key, ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature)
    {
        try
        {
            var signer = new FalconSigner();
            signer.Init(false, key);
            return signer.VerifySignature(message.ToArray(), signature.ToArray());
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
        catch (IndexOutOfRangeException)
        {
            return false;
        }
    }
}
