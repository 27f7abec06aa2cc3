// Checks of the key-file KDF and of the verify-only signature schemes (peer keys libp2p accepts from others).
// Each verifies a signature made by another implementation and rejects it over a changed message.
using System;
using System.Text;
using WotId.Crypto;
using V = WotId.Cli.Commands.SelftestVectors;

namespace WotId.Cli.Commands;

/// <summary>Argon2id and the classical verifiers.</summary>
internal static partial class SelftestChecks
{
    private static bool Argon2()
    {
        var tag = new byte[32];
        Argon2id.DeriveKey(Encoding.ASCII.GetBytes(V.Argon2idPassword), Encoding.ASCII.GetBytes(V.Argon2idSalt), 256, 2, 1, tag);
        return Same(V.Argon2idTag, tag);
    }

    private static bool Ed25519Verify()
    {
        byte[] key = H(V.Ed25519VerifyPublic);
        byte[] msg = H(V.Ed25519VerifyMessage);
        byte[] sig = H(V.Ed25519VerifySignature);
        return Ed25519.Verify(key, msg, sig) && !Ed25519.Verify(key, [.. msg, 0x00], sig);
    }

    private static bool RsaVerify() => Classical(RsaSignatureVerifier.Verify, V.RsaSpki, V.RsaSignature);

    private static bool P256Verify() => Classical(EcdsaVerifier.Verify, V.P256Spki, V.P256Signature);

    private static bool Secp256k1Verify() => Classical(Secp256k1Verifier.Verify, V.Secp256k1Public, V.Secp256k1Signature);

    private static bool Classical(VerifyFunction verify, string publicKey, string signature)
    {
        byte[] key = H(publicKey);
        byte[] sig = H(signature);
        return verify(key, s_abc, sig) && !verify(key, "abd"u8, sig);
    }

    private delegate bool VerifyFunction(ReadOnlySpan<byte> publicKey, ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature);
}
