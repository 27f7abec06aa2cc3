// Wycheproof (C2SP/wycheproof testvectors_v1) for the classic primitives: X25519 (xdh_comp_schema_v1),
// Ed25519 (eddsa_verify_schema_v1), ChaCha20-Poly1305 (aead_test_schema_v1), AES-CBC/PKCS#5 (ind_cpa_test_schema_v1),
// HMAC-SHA256 (mac_test_schema_v1), HKDF-SHA256 (hkdf_test_schema_v1). Flag decisions: Vectors/README.md.
using System;
using System.Collections.Generic;

namespace WotId.Crypto.Tests.Vectors;

public sealed class WycheproofClassicTests
{
    public static IEnumerable<TheoryDataRow<string, int>> X25519Cases() => WycheproofVectors.Rows("x25519_test.json");

    public static IEnumerable<TheoryDataRow<string, int>> Ed25519Cases() => WycheproofVectors.Rows("ed25519_test.json");

    public static IEnumerable<TheoryDataRow<string, int>> ChaChaCases() => WycheproofVectors.Rows("chacha20_poly1305_test.json");

    public static IEnumerable<TheoryDataRow<string, int>> AesCbcCases() => WycheproofVectors.Rows("aes_cbc_pkcs5_test.json");

    public static IEnumerable<TheoryDataRow<string, int>> HmacCases() => WycheproofVectors.Rows("hmac_sha256_test.json");

    public static IEnumerable<TheoryDataRow<string, int>> HkdfCases() => WycheproofVectors.Rows("hkdf_sha256_test.json");

    [Theory]
    [MemberData(nameof(X25519Cases))]
    public void WycheproofX25519(string file, int tcId)
    {
        WycheproofCase c = WycheproofVectors.Get(file, tcId);
        byte[] priv = c.Hex("private");
        byte[] pub = c.Hex("public");
        byte[] expected = c.Hex("shared");
        var shared = new byte[32];
        bool ok = X25519.TryAgree(priv, pub, shared);
        using X25519PrivateKey key = X25519PrivateKey.Import(priv);
        var shared2 = new byte[32];
        bool ok2 = key.TryAgree(pub, shared2);
        Assert.Equal(ok, ok2);

        // Decision: an all-zero shared secret (low-order public key) is refused, whatever the result label says;
        // every other case, acceptable ones included (twist points, non-canonical u), gives the exact shared value.
        if (c.HasFlag("ZeroSharedSecret") || Array.TrueForAll(expected, b => b == 0))
        {
            Assert.False(ok, "an all-zero X25519 result must be refused");
            Assert.Equal(new byte[32], shared);
            return;
        }

        Assert.False(c.IsInvalid, "x25519_test.json has no invalid cases; a new one needs a decision");
        Assert.True(ok, c.Describe());
        Assert.Equal(expected, shared);
        Assert.Equal(expected, shared2);
    }

    [Theory]
    [MemberData(nameof(Ed25519Cases))]
    public void WycheproofEd25519(string file, int tcId)
    {
        WycheproofCase c = WycheproofVectors.Get(file, tcId);
        byte[] pub = Convert.FromHexString(c.Group.GetProperty("publicKey").GetProperty("pk").GetString()!);
        byte[] msg = c.Hex("msg");
        byte[] sig = c.Hex("sig");
        Assert.False(c.IsAcceptable, "ed25519_test.json has no acceptable cases; a new one needs a decision");
        if (c.IsValid)
        {
            Assert.True(Ed25519.Verify(pub, msg, sig), c.Describe());
        }
        else
        {
            Assert.True(Rejection.IsRejected(() => Ed25519.Verify(pub, msg, sig)), c.Describe());
        }
    }

    [Theory]
    [MemberData(nameof(ChaChaCases))]
    public void WycheproofChaCha20Poly1305(string file, int tcId)
    {
        WycheproofCase c = WycheproofVectors.Get(file, tcId);
        byte[] key = c.Hex("key");
        byte[] iv = c.Hex("iv");
        byte[] aad = c.Hex("aad");
        byte[] msg = c.Hex("msg");
        byte[] ctTag = [.. c.Hex("ct"), .. c.Hex("tag")];
        var plain = new byte[msg.Length];
        Assert.False(c.IsAcceptable, "no acceptable cases expected");
        if (c.HasFlag("InvalidNonceSize"))
        {
            // Decision: only 96-bit nonces exist in this API; any other size is misuse (ArgumentException) both ways.
            Assert.True(Rejection.Throws(() => ChaCha20Poly1305Aead.Encrypt(key, iv, msg, aad, new byte[msg.Length + 16])), c.Describe());
            Assert.True(Rejection.Throws(() => ChaCha20Poly1305Aead.TryDecrypt(key, iv, ctTag, aad, plain)), c.Describe());
            return;
        }

        if (c.IsValid)
        {
            var output = new byte[msg.Length + ChaCha20Poly1305Aead.TagSize];
            ChaCha20Poly1305Aead.Encrypt(key, iv, msg, aad, output);
            Assert.Equal(ctTag, output);
            Assert.True(ChaCha20Poly1305Aead.TryDecrypt(key, iv, ctTag, aad, plain), c.Describe());
            Assert.Equal(msg, plain);
            using var aead = new ChaCha20Poly1305Aead(key);
            Assert.True(aead.TryDecrypt(iv, ctTag, aad, plain));
        }
        else
        {
            Assert.True(Rejection.IsRejected(() => ChaCha20Poly1305Aead.TryDecrypt(key, iv, ctTag, aad, plain)), c.Describe());
        }
    }

    [Theory]
    [MemberData(nameof(AesCbcCases))]
    public void WycheproofAesCbcPkcs5(string file, int tcId)
    {
        WycheproofCase c = WycheproofVectors.Get(file, tcId);
        byte[] key = c.Hex("key");
        byte[] iv = c.Hex("iv");
        byte[] msg = c.Hex("msg");
        byte[] ct = c.Hex("ct");
        bool is256 = key.Length == Aes256Cbc.KeySize;
        Assert.False(c.IsAcceptable, "no acceptable cases expected");
        if (c.IsValid)
        {
            Assert.Equal(ct, AesCbc.Encrypt(key, iv, msg));
            Assert.True(AesCbc.TryDecrypt(key, iv, ct, out byte[]? plain), c.Describe());
            Assert.Equal(msg, plain);
            if (is256)
            {
                Assert.Equal(ct, Aes256Cbc.Encrypt(key, iv, msg));
                Assert.True(Aes256Cbc.TryDecrypt(key, iv, ct, out byte[]? plain256));
                Assert.Equal(msg, plain256);
            }
        }
        else
        {
            // BadPadding / NoPadding: one indistinguishable failure (false, plaintext null).
            Assert.False(AesCbc.TryDecrypt(key, iv, ct, out byte[]? plain), c.Describe());
            Assert.Null(plain);
            if (is256)
            {
                Assert.False(Aes256Cbc.TryDecrypt(key, iv, ct, out byte[]? plain256), c.Describe());
                Assert.Null(plain256);
            }
        }

        if (!is256)
        {
            // Signal uses AES-256 only: the 256-bit entry point refuses other key sizes as misuse.
            Assert.True(Rejection.Throws(() => Aes256Cbc.Encrypt(key, iv, msg)));
        }
    }

    [Theory]
    [MemberData(nameof(HmacCases))]
    public void WycheproofHmacSha256(string file, int tcId)
    {
        WycheproofCase c = WycheproofVectors.Get(file, tcId);
        byte[] key = c.Hex("key");
        byte[] msg = c.Hex("msg");
        byte[] tag = c.Hex("tag");
        int tagBytes = c.GroupInt("tagSize") / 8;
        Assert.Equal(tagBytes, tag.Length);
        Assert.False(c.IsAcceptable, "no acceptable cases expected");
        byte[] full = HmacSha256.Compute(key, msg);
        var full2 = new byte[HmacSha256.TagSize];
        HmacSha256.Compute(key, msg, full2);
        Assert.Equal(full, full2);
        if (c.IsValid)
        {
            // Decision: truncated tags (tagSize < 256) verify as a prefix of the full tag, as the API documents.
            Assert.Equal(tag, full[..tagBytes]);
            Assert.True(HmacSha256.Verify(key, msg, tag), c.Describe());
        }
        else
        {
            Assert.NotEqual(tag, full[..tagBytes]);
            Assert.False(HmacSha256.Verify(key, msg, tag), c.Describe());
        }
    }

    [Theory]
    [MemberData(nameof(HkdfCases))]
    public void WycheproofHkdfSha256(string file, int tcId)
    {
        WycheproofCase c = WycheproofVectors.Get(file, tcId);
        byte[] ikm = c.Hex("ikm");
        byte[] salt = c.Hex("salt");
        byte[] info = c.Hex("info");
        int size = c.Int("size");
        Assert.False(c.IsAcceptable, "no acceptable cases expected");
        if (c.IsInvalid)
        {
            // SizeTooLarge: more than 255·32 bytes must be refused (ArgumentException), not truncated.
            Assert.True(c.HasFlag("SizeTooLarge"), c.Describe());
            Assert.True(Rejection.Throws(() => HkdfSha256.DeriveKey(ikm, salt, info, new byte[size])), c.Describe());
            return;
        }

        byte[] okm = c.Hex("okm");
        var output = new byte[size];
        HkdfSha256.DeriveKey(ikm, salt, info, output);
        Assert.Equal(okm, output);

        // Extract then Expand gives the same bytes (RFC 5869 §2.2/§2.3).
        var prk = new byte[32];
        HkdfSha256.Extract(salt, ikm, prk);
        var expanded = new byte[size];
        HkdfSha256.Expand(prk, info, expanded);
        Assert.Equal(okm, expanded);
    }
}
