// RFC 4231 §4 (HMAC-SHA-256 test cases 1–7) and RFC 5869 Appendix A.1–A.3 (HKDF-SHA-256) on both paths, plus the
// selection itself: where libcrypto.so.3 loads, the native path must be the one HmacSha256 / HkdfSha256 use.
using System;
using System.Runtime.InteropServices;
using System.Text;

namespace WotId.Crypto.Tests.Sha256Paths;

public sealed class RfcVectorTests
{
    public static TheoryData<string, string, string, string> Rfc4231Cases() => new()
    {
        // test case: key, data, HMAC-SHA-256 (case 5 is truncated to 128 bits)
        { "1", Repeat("0b", 20), Hex("Hi There"), "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7" },
        { "2", Hex("Jefe"), Hex("what do ya want for nothing?"), "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843" },
        { "3", Repeat("aa", 20), Repeat("dd", 50), "773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe" },
        { "4", "0102030405060708090a0b0c0d0e0f10111213141516171819", Repeat("cd", 50), "82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b" },
        { "5", Repeat("0c", 20), Hex("Test With Truncation"), "a3b6167473100ee06e0c796c2955552b" },
        { "6", Repeat("aa", 131), Hex("Test Using Larger Than Block-Size Key - Hash Key First"), "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54" },
        {
            "7", Repeat("aa", 131),
            Hex("This is a test using a larger than block-size key and a larger than block-size data. The key needs to be hashed before being used by the HMAC algorithm."),
            "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2"
        },
    };

    [Theory]
    [MemberData(nameof(Rfc4231Cases))]
    public void Rfc4231TestCaseGivesTheTagOnBothPathsAndThePublicApi(string testCase, string keyHex, string dataHex, string tagHex)
    {
        byte[] key = Convert.FromHexString(keyHex);
        byte[] data = Convert.FromHexString(dataHex);
        byte[] tag = Convert.FromHexString(tagHex);
        foreach (string path in new[] { Sha256Path.Platform, Sha256Path.Native })
        {
            if (path == Sha256Path.Native && !OpenSslSha256.IsAvailable)
            {
                continue;
            }

            Assert.True(tag.AsSpan().SequenceEqual(Sha256Path.Hmac(path, key, data).AsSpan(0, tag.Length)), $"case {testCase} on {path}");
        }

        Assert.Equal(tag, HmacSha256.Compute(key, data)[..tag.Length]);
        Assert.True(HmacSha256.Verify(key, data, tag));
    }

    [Theory]
    [MemberData(nameof(Sha256Path.Both), MemberType = typeof(Sha256Path))]
    public void Rfc5869AppendixACasesGiveThePrkAndOkm(string path)
    {
        Check(path, Repeat("0b", 22), Range(0x00, 0x0c), Range(0xf0, 0xf9), 42,
            "077709362c2e32df0ddc3f0dc47bba6390b6c73bb50f9c3122ec844ad7c2b3e5",
            "3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865");
        Check(path, Range(0x00, 0x4f), Range(0x60, 0xaf), Range(0xb0, 0xff), 82,
            "06a6b88c5853361a06104c9ceb35b45cef760014904671014a193f40c15fc244",
            "b11e398dc80327a1c8e7f78c596a49344f012eda2d4efad8a050cc4c19afa97c59045a99cac7827271cb41c65e590e09da3275600c2f09b8367793a9aca3db71cc30c58179ec3e87c14c01d5c1f3434f1d87");
        Check(path, Repeat("0b", 22), string.Empty, string.Empty, 42,
            "19ef24a32c717b167f33a91d6f648bdf96596776afdb6377ac434c1c293ccb04",
            "8da4e775a563c18f715f802a063c5a31b8a11f5c5ee1879ec3454e5f3c738d2d9d201395faa4b61a96c8");
    }

    [Fact]
    public void NativePathIsSelectedWhereLibcrypto3Loads()
    {
        if (!NativeLibrary.TryLoad("libcrypto.so.3", out IntPtr lib))
        {
            Assert.Skip("libcrypto.so.3 does not load here (not Linux with OpenSSL 3); the platform path is used");
        }

        NativeLibrary.Free(lib);
        Assert.True(OpenSslSha256.IsAvailable, "libcrypto.so.3 loads, so SHA256_Init/Update/Final must be found and pass the self-test");
        Assert.Equal("libcrypto.so.3", OpenSslSha256.LibraryName);
    }

    private static void Check(string path, string ikmHex, string saltHex, string infoHex, int length, string prkHex, string okmHex)
    {
        byte[] ikm = Convert.FromHexString(ikmHex);
        byte[] salt = Convert.FromHexString(saltHex);
        byte[] info = Convert.FromHexString(infoHex);
        var okm = new byte[length];
        Sha256Path.DeriveKey(path, ikm, salt, info, okm);
        Assert.Equal(okmHex, Convert.ToHexStringLower(okm));

        // Extract is HMAC(salt, IKM) (RFC 5869 §2.2; an empty salt is 32 zero bytes); Expand from it gives the OKM.
        byte[] prk = Sha256Path.Hmac(path, salt, ikm);
        Assert.Equal(prkHex, Convert.ToHexStringLower(prk));
        var expanded = new byte[length];
        Sha256Path.Expand(path, prk, info, expanded);
        Assert.Equal(okm, expanded);
        Assert.Equal(okm, HkdfSha256.DeriveKey(ikm, salt, info, length));
    }

    private static string Hex(string ascii) => Convert.ToHexString(Encoding.ASCII.GetBytes(ascii));

    private static string Repeat(string hexByte, int count) => string.Concat(System.Linq.Enumerable.Repeat(hexByte, count));

    private static string Range(int first, int last)
    {
        var bytes = new byte[last - first + 1];
        for (int i = 0; i < bytes.Length; i++)
        {
            bytes[i] = (byte)(first + i);
        }

        return Convert.ToHexString(bytes);
    }
}
