// Wycheproof hmac_sha256_test.json and hkdf_sha256_test.json (C2SP/wycheproof testvectors_v1) on each path
// separately; Vectors/WycheproofClassicTests.cs runs the same files through the public API (the selected path).
using System;
using System.Collections.Generic;
using System.Linq;
using WotId.Crypto.Tests.Vectors;

namespace WotId.Crypto.Tests.Sha256Paths;

public sealed class WycheproofBothPathsTests
{
    public static IEnumerable<TheoryDataRow<string, string, int>> HmacCases() => Cross("hmac_sha256_test.json");

    public static IEnumerable<TheoryDataRow<string, string, int>> HkdfCases() => Cross("hkdf_sha256_test.json");

    [Theory]
    [MemberData(nameof(HmacCases))]
    public void WycheproofHmacSha256OnEachPath(string path, string file, int tcId)
    {
        WycheproofCase c = WycheproofVectors.Get(file, tcId);
        byte[] tag = c.Hex("tag");
        byte[] full = Sha256Path.Hmac(path, c.Hex("key"), c.Hex("msg"));
        Assert.False(c.IsAcceptable, "no acceptable cases expected");
        Assert.Equal(c.IsValid, full.AsSpan(0, tag.Length).SequenceEqual(tag));
    }

    [Theory]
    [MemberData(nameof(HkdfCases))]
    public void WycheproofHkdfSha256OnEachPath(string path, string file, int tcId)
    {
        WycheproofCase c = WycheproofVectors.Get(file, tcId);
        Assert.False(c.IsAcceptable, "no acceptable cases expected");
        if (c.IsInvalid)
        {
            // SizeTooLarge only: the public API refuses it before either path runs (WycheproofClassicTests).
            Assert.True(c.HasFlag("SizeTooLarge"), c.Describe());
            return;
        }

        var okm = new byte[c.Int("size")];
        Sha256Path.DeriveKey(path, c.Hex("ikm"), c.Hex("salt"), c.Hex("info"), okm);
        Assert.Equal(c.Hex("okm"), okm);
    }

    private static IEnumerable<TheoryDataRow<string, string, int>> Cross(string file) =>
        from path in new[] { Sha256Path.Native, Sha256Path.Platform }
        from row in WycheproofVectors.Rows(file)
        select new TheoryDataRow<string, string, int>(path, row.Data.Item1, row.Data.Item2) { TestDisplayName = $"{path}: {row.TestDisplayName}" };
}
