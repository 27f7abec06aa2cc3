using System;
using System.Linq;
using System.Text;
using CsCheck;
using WotId.Core.Encoding;
using WotId.Identity.Credentials;
using WotId.Identity.Dids;
using WotId.Identity.Dids.Iota;
using WotId.Identity.Jose;
using WotId.Identity.Keys;
using WotId.Identity.Status;

namespace WotId.Identity.Tests.Properties;

/// <summary>Arbitrary input never throws anything but <see cref="IdentityFormatException"/>.</summary>
public sealed class GarbageNeverCrashesTests
{
    private static readonly Gen<string> s_text = Gen.OneOf(
        Gen.String,
        Gen.Char["did:key:z6MkuAESA1.-_#%"].Array[0, 80].Select(c => new string(c)),
        Gen.Byte.Array[0, 300].Select(b => Encoding.Latin1.GetString(b)));

    private static readonly string s_validJws = CompactJws.Sign(
        new JwsHeader(KeyAlgorithm.MLDsa44, TestKeys.Get(KeyAlgorithm.MLDsa44, 60).KeyId, "vc+jwt"),
        Encoding.UTF8.GetBytes("{\"@context\":[\"https://www.w3.org/ns/credentials/v2\"],\"type\":[\"VerifiableCredential\"],\"issuer\":\"did:example:1\",\"credentialSubject\":{}}"),
        TestKeys.Get(KeyAlgorithm.MLDsa44, 60));

    private static void OnlyFormatErrors(Action action)
    {
        try
        {
            action();
        }
        catch (IdentityFormatException)
        {
        }
    }

    [Fact]
    public void DidAndMultikeyDecoders() =>
        s_text.Sample(s =>
        {
            OnlyFormatErrors(() => DidKey.Parse(s));
            OnlyFormatErrors(() => Multikey.Decode(s));
            OnlyFormatErrors(() => DidSyntax.SplitUrl(s));
            _ = DidSyntax.IsDid(s);
        });

    [Fact]
    public void RevocationBitmapDecoders()
    {
        byte[] noRuns = [0x3A, 0x30, 0, 0];
        byte[] runs = [0x3B, 0x30];
        Gen.OneOf(
            Gen.Byte.Array[0, 400],
            Gen.Byte.Array[0, 300].Select(b => (byte[])[.. noRuns, .. b]),
            Gen.Byte.Array[0, 300].Select(b => (byte[])[.. runs, .. b]))
            .Sample(b =>
            {
                OnlyFormatErrors(() => RevocationBitmap.FromRoaringBytes(b));
                OnlyFormatErrors(() => RevocationBitmap.FromEndpoint(RevocationBitmap.DataUrlPrefix + Base64Url.Encode(ZLib(b))));
                OnlyFormatErrors(() => RevocationBitmap.FromEndpoint(RevocationBitmap.DataUrlPrefix + "eJy" + Base64Url.Encode(b)));
            });
        s_text.Sample(t => OnlyFormatErrors(() => RevocationBitmap.FromEndpoint(RevocationBitmap.DataUrlPrefix + t)));
    }

    [Fact]
    public void RevocationBitmapRoundTrips() =>
        Gen.OneOf(Gen.UInt, Gen.UInt[0, 300_000]).Array[0, 300].Sample(indices =>
        {
            var bitmap = new RevocationBitmap();
            foreach (uint i in indices)
            {
                bitmap.Revoke(i);
            }

            string endpoint = bitmap.ToEndpoint();
            Assert.StartsWith(RevocationBitmap.DataUrlPrefix + "eJy", endpoint, StringComparison.Ordinal);
            Assert.Equal(indices.Distinct().Order(), RevocationBitmap.FromEndpoint(endpoint).RevokedIndices());
        });

    private static byte[] ZLib(byte[] data)
    {
        using var output = new System.IO.MemoryStream();
        using (var zlib = new System.IO.Compression.ZLibStream(output, System.IO.Compression.CompressionLevel.Optimal))
        {
            zlib.Write(data);
        }

        return output.ToArray();
    }

    [Fact]
    public void IotaPackedDocumentDecoder()
    {
        IotaDid did = IotaDid.FromObjectId("0x" + new string('a', 64));
        byte[] header = [(byte)'D', (byte)'I', (byte)'D', 1, 0];
        Gen.OneOf(
            Gen.Byte.Array[0, 400],
            Gen.Byte.Array[0, 300].Select(b => (byte[])[.. header, (byte)b.Length, 0, .. b]),
            s_text.Select(t => Encoding.UTF8.GetBytes(t)).Select(b => (byte[])[.. header, (byte)b.Length, (byte)(b.Length >> 8), .. b]))
            .Sample(b => OnlyFormatErrors(() =>
            {
                IotaPackedDocument unpacked = IotaDidDocumentPacking.Unpack(b, did);
                OnlyFormatErrors(() => unpacked.ToDidDocument());
                IotaDidDocumentPacking.Pack(unpacked.DocumentJson, unpacked.Metadata);
            }));
        s_text.Sample(s => { _ = IotaDid.TryParse(s, out _); });
    }

    [Fact]
    public void MultikeyBytesDecoder() =>
        Gen.Byte.Array[0, 3000].Sample(b => OnlyFormatErrors(() => Multikey.DecodeBytes(b)));

    [Fact]
    public void JwsDecoderOnGarbageText() =>
        s_text.Sample(s => OnlyFormatErrors(() => CompactJws.Parse(s)));

    [Fact]
    public void JwsDecoderOnMutatedValidJws() =>
        Gen.Select(Gen.Int[0, s_validJws.Length - 1], Gen.Char['#', 'z']).Sample((i, c) =>
        {
            string mutated = s_validJws[..i] + c + s_validJws[(i + 1)..];
            OnlyFormatErrors(() =>
            {
                CompactJws jws = CompactJws.Parse(mutated);
                _ = jws.Verify(TestKeys.Get(KeyAlgorithm.MLDsa44, 60).PublicKey);
                _ = Credential.Parse(jws.Payload);
            });
        });

    [Fact]
    public void JsonDecodersOnGarbageBytes() =>
        Gen.Byte.Array[0, 400].Sample(b =>
        {
            OnlyFormatErrors(() => Credential.Parse(b));
            OnlyFormatErrors(() => Presentation.Parse(b));
            OnlyFormatErrors(() => JwsHeader.Parse(b));
            string s = Encoding.UTF8.GetString(b);
            OnlyFormatErrors(() => DidDocument.Parse(s));
            OnlyFormatErrors(() => AkpJwk.Parse(s));
            OnlyFormatErrors(() => Issuing.IssuerState.Parse(s));
            OnlyFormatErrors(() => EncryptedKeyFile.Parse(s));
        });

    [Fact]
    public void JsonDecodersOnJsonShapedGarbage() =>
        Gen.Char["{}[]\":,0123456789.-eEtrufalsn @contextypeissuercredentialSubjectvalidFromholdernoncealgkid"].Array[0, 200]
            .Select(c => new string(c))
            .Sample(s =>
            {
                byte[] b = Encoding.UTF8.GetBytes(s);
                OnlyFormatErrors(() => Credential.Parse(b));
                OnlyFormatErrors(() => Presentation.Parse(b));
                OnlyFormatErrors(() => JwsHeader.Parse(b));
                OnlyFormatErrors(() => DidDocument.Parse(s));
            });

    [Fact]
    public void StatusListDecoder() =>
        Gen.Byte.Array[0, 600].Sample(b =>
        {
            OnlyFormatErrors(() => BitstringStatusList.Decode("u" + Base64Url.Encode(b)));
            OnlyFormatErrors(() => BitstringStatusList.Decode(Encoding.Latin1.GetString(b)));
            OnlyFormatErrors(() => BitstringStatusList.DecodeStatusList2021(Convert.ToBase64String(b)));
            OnlyFormatErrors(() => BitstringStatusList.DecodeStatusList2021(Encoding.Latin1.GetString(b)));
        });

    [Fact]
    public void CompositeJwkDecoder() =>
        Gen.Select(Gen.Byte.Array[0, 1400], Gen.Int[0, 3]).Sample((b, shape) =>
        {
            string pub = Base64Url.Encode(b);
            string json = shape switch
            {
                0 => Encoding.Latin1.GetString(b),
                1 => $"{{\"algId\":\"id-MLDSA44-Ed25519\",\"traditionalPublicKey\":{{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"x\":\"{pub[..Math.Min(43, pub.Length)]}\"}},\"pqPublicKey\":{{\"kty\":\"AKP\",\"alg\":\"ML-DSA-44\",\"pub\":\"{pub}\"}}}}",
                2 => $"{{\"algId\":\"id-MLDSA65-Ed25519\",\"traditionalPublicKey\":{{\"kty\":\"OKP\",\"crv\":\"X25519\",\"x\":\"{pub}\"}},\"pqPublicKey\":[]}}",
                _ => $"{{\"algId\":\"{pub[..Math.Min(20, pub.Length)]}\"}}",
            };
            OnlyFormatErrors(() => CompositeJwk.Parse(json));
        }, iter: 300);

    [Fact]
    public void MultikeyRoundTripsEveryAlgorithmWithAMulticodec() =>
        Gen.Enum<KeyAlgorithm>().Where(a => !KeyAlgorithms.IsComposite(a)).SelectMany(a => Gen.Byte.Array[KeyAlgorithms.PublicKeySize(a)].Select(k => (a, k))).Sample(t =>
        {
            var key = new DidPublicKey(t.a, t.k);
            Assert.True(Multikey.Decode(Multikey.Encode(key)).SameAs(key));
            Assert.True(DidKey.Parse(DidKey.Create(key)).SameAs(key));
        });
}
