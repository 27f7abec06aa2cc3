// One known-answer check per WotId.Crypto primitive for `wotid selftest`; the answers and their sources are in
// SelftestVectors.cs. Each check returns true only when every byte matches.
using System;
using System.Collections.Generic;
using System.Text;
using WotId.Crypto;
using V = WotId.Cli.Commands.SelftestVectors;

namespace WotId.Cli.Commands;

/// <summary>The self-test checks, in the order they are printed.</summary>
internal static partial class SelftestChecks
{
    private static readonly byte[] s_abc = "abc"u8.ToArray();

    /// <summary>Name and check of every primitive.</summary>
    public static IReadOnlyList<KeyValuePair<string, Func<bool>>> All { get; } =
    [
        new("SHA-256", () => Same(V.Sha256Abc, Sha256.Hash(s_abc))),
        new("SHA-512", () => Same(V.Sha512Abc, Sha512.Hash(s_abc))),
        new("SHA3-256", () => Same(V.Sha3_256Abc, Sha3_256.Hash(s_abc))),
        new("SHA3-512", () => Same(V.Sha3_512Abc, Sha3_512.Hash(s_abc))),
        new("SHAKE128", () => Same(V.Shake128Empty32, Xof(Shake128.Hash, 32))),
        new("SHAKE256", () => Same(V.Shake256Empty64, Xof(Shake256.Hash, 64))),
        new("BLAKE2b-256", () => Same(V.Blake2b256Abc, Blake2b256.Hash(s_abc))),
        new("HMAC-SHA256", Hmac),
        new("HKDF-SHA256", Hkdf),
        new("Argon2id", Argon2),
        new("AES-256-CBC", AesCbc),
        new("AES-256-GCM", AesGcm),
        new("ChaCha20-Poly1305", ChaCha),
        new("X25519", X25519Agreement),
        new("Ed25519", Ed25519Signature),
        new("Ed25519 verify", Ed25519Verify),
        new("XEdDSA", XEdDsaSignature),
        new("RSA verify", RsaVerify),
        new("ECDSA P-256 verify", P256Verify),
        new("secp256k1 verify", Secp256k1Verify),
        new("ML-KEM-768", () => MLKemCheck(MLKemAlgorithm.MLKem768, V.MLKem768EkSha256, V.MLKem768Ciphertext, V.MLKem768K)),
        new("ML-KEM-1024", () => MLKemCheck(MLKemAlgorithm.MLKem1024, V.MLKem1024EkSha256, V.MLKem1024Ciphertext, V.MLKem1024K)),
        new("Kyber-1024 (round 3)", Kyber),
        new("ML-DSA-44", () => MLDsaCheck(MLDsaAlgorithm.MLDsa44, V.MLDsa44PkSha256, V.MLDsa44SigSha256)),
        new("ML-DSA-65", () => MLDsaCheck(MLDsaAlgorithm.MLDsa65, V.MLDsa65PkSha256, V.MLDsa65SigSha256)),
        new("ML-DSA-87", () => MLDsaCheck(MLDsaAlgorithm.MLDsa87, V.MLDsa87PkSha256, V.MLDsa87SigSha256)),
        new("Falcon-512", Falcon),
    ];

    private static bool Same(string expectedHex, ReadOnlySpan<byte> actual) => Convert.FromHexString(expectedHex).AsSpan().SequenceEqual(actual);

    private static byte[] H(string hex) => Convert.FromHexString(hex);

    private static byte[] Xof(Action<ReadOnlySpan<byte>, Span<byte>> xof, int length)
    {
        var output = new byte[length];
        xof([], output);
        return output;
    }

    private static bool Hmac()
    {
        byte[] key = H(V.HmacKey);
        byte[] data = H(V.HmacData);
        return Same(V.HmacTag, HmacSha256.Compute(key, data)) && HmacSha256.Verify(key, data, H(V.HmacTag))
            && !HmacSha256.Verify(key, [.. data, 0x00], H(V.HmacTag));
    }

    private static bool Hkdf()
    {
        var okm = new byte[42];
        HkdfSha256.DeriveKey(H(V.HkdfIkm), H(V.HkdfSalt), H(V.HkdfInfo), okm);
        return Same(V.HkdfOkm, okm);
    }

    private static bool AesCbc()
    {
        byte[] key = H(V.AesCbcKey);
        byte[] iv = H(V.AesCbcIv);
        byte[] ct = Aes256Cbc.Encrypt(key, iv, H(V.AesCbcMsg));
        return Same(V.AesCbcCt, ct) && Aes256Cbc.TryDecrypt(key, iv, ct, out byte[]? plain) && Same(V.AesCbcMsg, plain);
    }

    private static bool AesGcm()
    {
        byte[] key = new byte[32];
        byte[] nonce = new byte[12];
        var ctTag = new byte[32];
        Aes256GcmAead.Encrypt(key, nonce, new byte[16], [], ctTag);
        var plain = new byte[16];
        return Same(V.AesGcmCtTag, ctTag) && Aes256GcmAead.TryDecrypt(key, nonce, ctTag, [], plain) && Array.TrueForAll(plain, b => b == 0);
    }

    private static bool ChaCha()
    {
        var key = new byte[32];
        for (int i = 0; i < key.Length; i++)
        {
            key[i] = (byte)(0x80 + i);
        }

        byte[] pt = Encoding.ASCII.GetBytes(V.ChaChaPlaintext);
        var ctTag = new byte[pt.Length + 16];
        ChaCha20Poly1305Aead.Encrypt(key, H(V.ChaChaNonce), pt, H(V.ChaChaAad), ctTag);
        var plain = new byte[pt.Length];
        bool opened = ChaCha20Poly1305Aead.TryDecrypt(key, H(V.ChaChaNonce), ctTag, H(V.ChaChaAad), plain);
        ctTag[^1] ^= 1;
        bool forgedRejected = !ChaCha20Poly1305Aead.TryDecrypt(key, H(V.ChaChaNonce), ctTag, H(V.ChaChaAad), plain);
        ctTag[^1] ^= 1;
        return Same(V.ChaChaCtTag, ctTag) && opened && forgedRejected;
    }

    private static bool X25519Agreement()
    {
        using X25519PrivateKey alice = X25519PrivateKey.Import(H(V.X25519AlicePrivate));
        var shared = new byte[32];
        return Same(V.X25519AlicePublic, alice.PublicKey) && alice.TryAgree(H(V.X25519BobPublic), shared) && Same(V.X25519Shared, shared);
    }

    private static bool Ed25519Signature()
    {
        using Ed25519PrivateKey key = Ed25519PrivateKey.FromSeed(H(V.Ed25519Seed));
        byte[] sig = key.Sign([]);
        return Same(V.Ed25519Public, key.PublicKey) && Same(V.Ed25519Signature, sig)
            && Ed25519.Verify(key.PublicKey, [], sig) && !Ed25519.Verify(key.PublicKey, [0x00], sig);
    }

    private static bool XEdDsaSignature()
    {
        using X25519PrivateKey key = X25519PrivateKey.Import(H(V.XEdDsaPrivate));
        byte[] msg = Encoding.ASCII.GetBytes(V.XEdDsaMessage);
        byte[] own = XEdDsa.Sign(key, msg);
        return Same(V.XEdDsaPublic, key.PublicKey)
            && XEdDsa.Verify(key.PublicKey, msg, H(V.XEdDsaSignature))
            && XEdDsa.Verify(key.PublicKey, msg, own)
            && !XEdDsa.Verify(key.PublicKey, [.. msg, 0x00], own);
    }

    private static bool MLKemCheck(MLKemAlgorithm alg, string ekSha256, string ciphertext, string sharedSecret)
    {
        using MLKemPrivateKey key = MLKemPrivateKey.FromSeed(alg, H(V.MLKemSeed));
        var ss = new byte[32];
        key.Decapsulate(H(ciphertext), ss);
        var ct = new byte[MLKem.CiphertextSize(alg)];
        var ss2 = new byte[32];
        var ss3 = new byte[32];
        bool encapsulated = MLKem.TryEncapsulate(alg, key.PublicKey, ct, ss2);
        key.Decapsulate(ct, ss3);
        return Same(ekSha256, Sha256.Hash(key.PublicKey)) && Same(sharedSecret, ss) && encapsulated && ss2.AsSpan().SequenceEqual(ss3);
    }

    private static bool Kyber()
    {
        using MLKemPrivateKey key = MLKemPrivateKey.FromSeed(MLKemAlgorithm.MLKem1024, H(V.MLKemSeed));
        var ss = new byte[32];
        Kyber1024Round3.Decapsulate(key, H(V.MLKem1024Ciphertext), ss);
        return Same(V.Kyber1024Round3K, ss);
    }

    private static bool MLDsaCheck(MLDsaAlgorithm alg, string pkSha256, string sigSha256)
    {
        using MLDsaPrivateKey key = MLDsaPrivateKey.FromSeed(alg, H(V.MLDsaSeed));
        byte[] msg = H(V.MLDsaMessage);
        byte[] sig = key.Sign(msg, [], deterministic: true);
        return Same(pkSha256, Sha256.Hash(key.PublicKey)) && Same(sigSha256, Sha256.Hash(sig))
            && MLDsa.Verify(alg, key.PublicKey, msg, [], sig) && !MLDsa.Verify(alg, key.PublicKey, msg, [0x01], sig);
    }

    private static bool Falcon()
    {
        var seed = new byte[Falcon512.SeedSize];
        for (int i = 0; i < seed.Length; i++)
        {
            seed[i] = (byte)i;
        }

        using Falcon512PrivateKey key = Falcon512PrivateKey.FromSeed(seed);
        byte[] msg = Encoding.ASCII.GetBytes(V.XEdDsaMessage);
        byte[] sig = key.Sign(msg);
        return Same(V.Falcon512PkSha256, Sha256.Hash(key.PublicKey)) && Falcon512.Verify(key.PublicKey, msg, sig)
            && !Falcon512.Verify(key.PublicKey, [.. msg, 0x00], sig);
    }
}
