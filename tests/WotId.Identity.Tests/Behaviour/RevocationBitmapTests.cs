// RevocationBitmap2022 (identity.rs identity_credential revocation_bitmap_2022/bitmap.rs) and the Roaring portable format
// (RoaringFormatSpec). The endpoint strings are the test vectors of IOTA Identity's bitmap.rs tests; the .bin files are
// RoaringFormatSpec's testdata (Vectors/Roaring/README.md).
using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using WotId.Core.Encoding;
using WotId.Identity.Dids;
using WotId.Identity.Status;
using WotId.Testing;

namespace WotId.Identity.Tests.Behaviour;

public sealed class RevocationBitmapTests
{
    private const string Prefix = RevocationBitmap.DataUrlPrefix;

    public static TheoryData<string, uint[]> IotaVectors() => new()
    {
        { Prefix + "eJyzMmAAAwADKABr", [] },
        { Prefix + "eJyzMmBgYGQAAWYGATDNysDGwMEAAAscAJI", [0, 5, 6, 8] },
        { Prefix + "eJyzMmBgYGQAAWYGASCpxbCEMUNAYAkAEpcCeg", [42, 420, 4200, 42000] },
        { Prefix + "ZUp5ek1tQmdZR0lBQVVZZ1pHQ1FBR0laSUdabDZHUGN3UW9BRXVvQjlB", [5, 398, 67000] }, // before identity.rs issue 1291

        // Written by @iota/identity-wasm 1.9.7-beta.1 (RevocationBitmap.toService, captured 2026-12-07): a dynamic first
        // DEFLATE block, so "eJw…", which that library's own fromEndpoint refuses.
        { Prefix + "eJwVySEOACAMA8ASCHqKNxAUISjUnrNnIfbPUZpcK3omUPCTUdlKEUDn8sKiTQOeTMSvaYt4lBUIyw", [42, 420, 4200, 42_000, 420_000, 4_200_000, 4_294_967_295] },
    };

    [Theory]
    [MemberData(nameof(IotaVectors))]
    public void IotaIdentityEndpointsDecodeToTheirSets(string endpoint, uint[] revoked)
    {
        RevocationBitmap bitmap = RevocationBitmap.FromEndpoint(endpoint);
        Assert.Equal(revoked, bitmap.RevokedIndices());
        Assert.Equal(revoked.Length, bitmap.Count);
        Assert.All(revoked, i => Assert.True(bitmap.IsRevoked(i)));
        Assert.False(bitmap.IsRevoked(1));
    }

    [Theory]
    [MemberData(nameof(IotaVectors))]
    public void OurEndpointHoldsTheSameRoaringBytesAndStartsAsTheirDecoderRequires(string endpoint, uint[] revoked)
    {
        var bitmap = new RevocationBitmap();
        foreach (uint i in revoked)
        {
            Assert.True(bitmap.Revoke(i));
        }

        string ours = bitmap.ToEndpoint();
        Assert.StartsWith(Prefix + "eJy", ours, StringComparison.Ordinal);
        Assert.Equal(revoked, RevocationBitmap.FromEndpoint(ours).RevokedIndices());
        Assert.Equal(Inflate(ours), bitmap.ToRoaringBytes());
        if (endpoint.StartsWith(Prefix + "eJy", StringComparison.Ordinal))
        {
            Assert.Equal(Inflate(endpoint), bitmap.ToRoaringBytes());
        }
    }

    [Fact]
    public void TheRoaringFormatSpecTestFilesDecodeAndOurSerializationEqualsTheOneWithoutRuns()
    {
        byte[] withRuns = File.ReadAllBytes(VectorPath("bitmapwithruns.bin"));
        byte[] withoutRuns = File.ReadAllBytes(VectorPath("bitmapwithoutruns.bin"));
        uint[] expected = SpecSet().ToArray();

        RevocationBitmap fromRuns = RevocationBitmap.FromRoaringBytes(withRuns);
        Assert.Equal(12347, BinaryPrimitives.ReadUInt16LittleEndian(withRuns));
        Assert.Equal(expected, fromRuns.RevokedIndices());
        Assert.Equal(expected, RevocationBitmap.FromRoaringBytes(withoutRuns).RevokedIndices());
        Assert.Equal(withoutRuns, fromRuns.ToRoaringBytes());
        Assert.Equal(expected, RevocationBitmap.FromEndpoint(fromRuns.ToEndpoint()).RevokedIndices());
    }

    [Fact]
    public void AContainerIsAnArrayUpTo4096IndicesAndABitsetAbove()
    {
        var bitmap = new RevocationBitmap();
        for (uint i = 0; i < 4096; i++)
        {
            bitmap.Revoke(i * 2);
        }

        Assert.Equal(8 + 8 + (2 * 4096), bitmap.ToRoaringBytes().Length);
        bitmap.Revoke(1);
        Assert.Equal(8 + 8 + 8192, bitmap.ToRoaringBytes().Length);
        Assert.True(bitmap.Unrevoke(1));
        Assert.False(bitmap.Unrevoke(1));
        Assert.Equal(8 + 8 + (2 * 4096), bitmap.ToRoaringBytes().Length);
        Assert.Equal(4096, RevocationBitmap.FromEndpoint(bitmap.ToEndpoint()).Count);
    }

    [Fact]
    public void ALargeBitmapStillStartsWithEJyAndRoundTrips()
    {
        var bitmap = new RevocationBitmap();
        var random = new Random(14);
        var expected = new SortedSet<uint>();
        for (int i = 0; i < 30_000; i++)
        {
            uint index = (uint)random.Next(0, 1 << 20);
            expected.Add(index);
            bitmap.Revoke(index);
        }

        string endpoint = bitmap.ToEndpoint();
        Assert.StartsWith(Prefix + "eJy", endpoint, StringComparison.Ordinal);
        Assert.Equal(expected, RevocationBitmap.FromEndpoint(endpoint).RevokedIndices());
        Assert.Equal(uint.MaxValue, RevocationBitmap.FromEndpoint(OneIndex(uint.MaxValue)).RevokedIndices().Single());
    }

    [Fact]
    public void TheBoundsHold()
    {
        var bitmap = new RevocationBitmap();
        for (uint key = 0; key < RevocationBitmap.MaxContainers; key++)
        {
            bitmap.Revoke(key << 16);
        }

        Assert.Throws<InvalidOperationException>(() => bitmap.Revoke(uint.MaxValue));
        Assert.Equal(RevocationBitmap.MaxContainers, RevocationBitmap.FromRoaringBytes(bitmap.ToRoaringBytes()).Count);

        // 4,097 containers declared, in both cookies.
        Assert.Equal(IdentityError.TooLarge, Refused(Le32(12346), Le32(4097)));
        Assert.Equal(IdentityError.TooLarge, Refused(Le32(12347 | (4096u << 16))));

        // A zlib bomb: 2 MiB of zeros behind a valid cookie, in the pre-1291 double-base64 form (whatever zlib header).
        byte[] bomb = new byte[2 * 1024 * 1024];
        Le32(12346).CopyTo(bomb, 0);
        string legacy = Convert.ToBase64String(System.Text.Encoding.ASCII.GetBytes(Base64Url.Encode(ZLib(bomb)))).TrimEnd('=');
        Assert.Equal(IdentityError.TooLarge, Assert.Throws<IdentityFormatException>(() => RevocationBitmap.FromEndpoint(Prefix + legacy)).Error);

        // Our own encoder refuses what readers would refuse: 129 bitset containers are over 1 MiB.
        var dense = new RevocationBitmap();
        for (uint key = 0; key < 129; key++)
        {
            for (uint low = 0; low <= 4096; low++)
            {
                dense.Revoke((key << 16) | low);
            }
        }

        Assert.Throws<InvalidOperationException>(() => dense.ToEndpoint());
        Assert.Equal(IdentityError.TooLarge, Assert.Throws<IdentityFormatException>(() => RevocationBitmap.FromEndpoint(Prefix + new string('A', RevocationBitmap.MaxEndpointLength))).Error);
    }

    public static TheoryData<string, byte[]> MalformedRoaring() => new()
    {
        { "unknown cookie", [.. Le32(12345), .. Le32(0)] },
        { "truncated header", [.. Le32(12346), 1, 0] },
        { "bytes after the last container", [.. Le32(12346), .. Le32(0), 0] },
        { "keys not increasing", [.. Le32(12346), .. Le32(2), 1, 0, 0, 0, 1, 0, 0, 0, .. Le32(24), .. Le32(26), 5, 0, 6, 0] },
        { "offset mismatch", [.. Le32(12346), .. Le32(1), 0, 0, 0, 0, .. Le32(17), 5, 0] },
        { "array not increasing", [.. Le32(12346), .. Le32(1), 0, 0, 1, 0, .. Le32(16), 6, 0, 5, 0] },
        { "cardinality differs from the runs", [.. Le32(12347), 1, 0, 0, 0, 0, 1, 0, 5, 0, 2, 0] },
        { "overlapping runs", [.. Le32(12347), 1, 0, 0, 5, 0, 2, 0, 0, 0, 2, 0, 2, 0] },
        { "run past 65535", [.. Le32(12347), 1, 0, 0, 1, 0, 1, 0, 255, 255, 1, 0] },
        { "no run in a run container", [.. Le32(12347), 1, 0, 0, 0, 0, 0, 0] },
    };

    [Theory]
    [MemberData(nameof(MalformedRoaring))]
    public void MalformedRoaringBytesAreRefused(string why, byte[] data)
    {
        Assert.Equal(IdentityError.MalformedStatusList, Refused(data));
        Assert.NotEmpty(why);
    }

    [Theory]
    [InlineData("data:application/octet-stream,eJyzMmAAAwADKABr")]
    [InlineData("data:text/plain;base64,eJyzMmAAAwADKABr")]
    [InlineData(Prefix + "eJyzMmAAAwADKABr==")]
    [InlineData(Prefix + "eJyzMmAAAwADKABs")]
    [InlineData(Prefix + "eJy+MmAAAwADKABr")]
    [InlineData(Prefix + "eJyzMmAAAwADKACr")]
    [InlineData(Prefix + "@@@@")]
    [InlineData(Prefix + "aGKwA2BgYGIA")] // zlib FDICT set (a preset dictionary): found by AFL, escaped as ZLibException
    [InlineData(Prefix + "eCAAP_bM2BWYGRgYGyJ2BWYGRgYGy5eyAWYG")] // the same, found by AFL
    public void MalformedEndpointsAreRefused(string endpoint)
    {
        Assert.Equal(IdentityError.MalformedStatusList, Assert.Throws<IdentityFormatException>(() => RevocationBitmap.FromEndpoint(endpoint)).Error);
    }

    [Fact]
    public void AServiceRoundTripsThroughTheDidDocument()
    {
        const string did = "did:iota:0x" + "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
        var bitmap = new RevocationBitmap();
        bitmap.Revoke(7);
        DidDocument doc = new DidDocumentBuilder(did).AddSigningKey("key-1", TestKeys.Get(KeyAlgorithm.MLDsa44, 5).PublicKey).Build()
            .WithService(bitmap.ToService(did + "#revocation"));
        bitmap.Revoke(9);
        doc = DidDocument.Parse(doc.WithService(bitmap.ToService(did + "#revocation")).ToJson(VerificationMethodFormat.JsonWebKey));
        DidService service = Assert.Single(doc.Services);
        Assert.Equal(RevocationBitmap.Type, service.Type);
        Assert.Equal([7u, 9u], RevocationBitmap.FromService(service).RevokedIndices());
        Assert.Throws<IdentityFormatException>(() => RevocationBitmap.FromService(new DidService(did + "#x", "LinkedDomains", service.Endpoint)));
    }

    private static IdentityError Refused(params byte[][] parts) =>
        Assert.Throws<IdentityFormatException>(() => RevocationBitmap.FromRoaringBytes(parts.SelectMany(p => p).ToArray())).Error;

    private static byte[] Le32(uint v)
    {
        byte[] b = new byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(b, v);
        return b;
    }

    private static string OneIndex(uint index)
    {
        var bitmap = new RevocationBitmap();
        bitmap.Revoke(index);
        return bitmap.ToEndpoint();
    }

    private static IEnumerable<uint> SpecSet()
    {
        for (uint k = 0; k < 100_000; k += 1000)
        {
            yield return k;
        }

        for (uint k = 100_000; k < 200_000; k++)
        {
            yield return 3 * k;
        }

        for (uint k = 700_000; k < 800_000; k++)
        {
            yield return k;
        }
    }

    private static string VectorPath(string name) => Path.Combine(RepositoryPaths.Root, "tests", "WotId.Identity.Tests", "Vectors", "Roaring", name);

    private static byte[] Inflate(string endpoint)
    {
        using var input = new MemoryStream(Base64Url.Decode(endpoint.AsSpan(Prefix.Length)));
        using var zlib = new ZLibStream(input, CompressionMode.Decompress);
        using var output = new MemoryStream();
        zlib.CopyTo(output);
        return output.ToArray();
    }

    private static byte[] ZLib(byte[] data)
    {
        using var output = new MemoryStream();
        using (var zlib = new ZLibStream(output, CompressionLevel.Optimal))
        {
            zlib.Write(data);
        }

        return output.ToArray();
    }
}
