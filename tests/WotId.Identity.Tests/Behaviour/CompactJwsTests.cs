using System;
using System.Text;
using System.Text.Json;
using WotId.Core.Encoding;
using WotId.Identity.Jose;
using WotId.Identity.Keys;

namespace WotId.Identity.Tests.Behaviour;

public sealed class CompactJwsTests
{
    private static readonly byte[] s_payload = Encoding.UTF8.GetBytes("{\"hello\":\"wot.id\"}");

    [Theory]
    [InlineData(KeyAlgorithm.MLDsa44, 2420)]
    [InlineData(KeyAlgorithm.MLDsa65, 3309)]
    [InlineData(KeyAlgorithm.MLDsa87, 4627)]
    public void MlDsaJwsSignsVerifiesAndNamesTheRfc9964Alg(KeyAlgorithm algorithm, int signatureSize)
    {
        SigningKey key = TestKeys.Get(algorithm, 20);
        string jws = CompactJws.Sign(new JwsHeader(algorithm, key.KeyId, "vc+jwt"), s_payload, key);
        CompactJws parsed = CompactJws.Parse(jws);
        Assert.Equal(KeyAlgorithms.JoseName(algorithm), parsed.Header.Alg);
        Assert.Equal(signatureSize, parsed.Signature.Length);
        Assert.True(parsed.Verify(key.PublicKey));
        Assert.False(parsed.Verify(TestKeys.Get(algorithm, 21).PublicKey));
        using JsonDocument header = JsonDocument.Parse(Base64Url.Decode(jws.AsSpan(0, jws.IndexOf('.', StringComparison.Ordinal))));
        Assert.Equal(KeyAlgorithms.JoseName(algorithm), header.RootElement.GetProperty("alg").GetString());
    }

    [Fact]
    public void Falcon512ExperimentalJwsUsesFALCON512()
    {
        SigningKey key = TestKeys.Get(KeyAlgorithm.Falcon512Experimental, 22);
        string jws = CompactJws.Sign(new JwsHeader(key.Algorithm, key.KeyId, "vc+jwt"), s_payload, key);
        CompactJws parsed = CompactJws.Parse(jws);
        Assert.Equal("FALCON512", parsed.Header.Alg);
        Assert.True(parsed.Verify(key.PublicKey));
    }

    [Fact]
    public void AnyChangedPartBreaksTheSignature()
    {
        SigningKey key = TestKeys.Get(KeyAlgorithm.MLDsa65, 20);
        string jws = CompactJws.Sign(new JwsHeader(key.Algorithm, key.KeyId, "vc+jwt"), s_payload, key);
        string[] parts = jws.Split('.');
        string otherPayload = Base64Url.Encode(Encoding.UTF8.GetBytes("{\"hello\":\"evil\"}"));
        Assert.False(CompactJws.Parse(parts[0] + "." + otherPayload + "." + parts[2]).Verify(key.PublicKey));
        string otherHeader = Base64Url.Encode(new JwsHeader(key.Algorithm, key.KeyId, "vp+jwt").ToJsonBytes());
        Assert.False(CompactJws.Parse(otherHeader + "." + parts[1] + "." + parts[2]).Verify(key.PublicKey));
        byte[] sig = Base64Url.Decode(parts[2]);
        sig[100] ^= 1;
        Assert.False(CompactJws.Parse(parts[0] + "." + parts[1] + "." + Base64Url.Encode(sig)).Verify(key.PublicKey));
        Assert.False(CompactJws.Parse(parts[0] + "." + parts[1] + "." + Base64Url.Encode(sig.AsSpan(0, sig.Length - 1))).Verify(key.PublicKey));
    }

    [Theory]
    [InlineData("{\"alg\":\"none\"}", IdentityError.UnsupportedAlgorithm)]
    [InlineData("{\"alg\":\"ES256\"}", IdentityError.UnsupportedAlgorithm)]
    [InlineData("{\"alg\":\"HashML-DSA-65\"}", IdentityError.UnsupportedAlgorithm)]
    [InlineData("{\"alg\":\"ML-DSA-65\",\"crit\":[\"b64\"],\"b64\":false}", IdentityError.UnsupportedHeader)]
    [InlineData("{\"alg\":\"ML-DSA-65\",\"jwk\":{}}", IdentityError.UnsupportedHeader)]
    [InlineData("{\"alg\":\"ML-DSA-65\",\"alg\":\"ML-DSA-44\"}", IdentityError.MalformedJson)]
    [InlineData("[1]", IdentityError.MissingOrWrongMember)]
    [InlineData("{\"alg\":65}", IdentityError.MissingOrWrongMember)]
    public void RefusedHeadersHavePreciseErrors(string header, IdentityError expected)
    {
        string jws = Base64Url.Encode(Encoding.UTF8.GetBytes(header)) + ".e30.AAAA";
        Assert.Equal(expected, Assert.Throws<IdentityFormatException>(() => CompactJws.Parse(jws)).Error);
    }

    [Theory]
    [InlineData("")]
    [InlineData("a.b")]
    [InlineData("a.b.c.d")]
    [InlineData(".e30.AAAA")]
    [InlineData("eyJhbGciOiJNTC1EU0EtNjUifQ.e30.")]
    [InlineData("eyJhbGciOiJNTC1EU0EtNjUifQ.e30=.AAAA")]
    [InlineData("eyJhbGciOiJNTC1EU0EtNjUifQ.e3 0.AAAA")]
    [InlineData("eyJhbGciOiJNTC1EU0EtNjUifQ.e31.AAAA")]
    public void MalformedCompactSerializationsAreRejected(string jws)
    {
        Assert.Equal(IdentityError.MalformedJws, Assert.Throws<IdentityFormatException>(() => CompactJws.Parse(jws)).Error);
    }

    [Fact]
    public void AkpJwkRoundTripsAndThumbprintCoversAlgKtyPubOnly()
    {
        SigningKey key = TestKeys.Get(KeyAlgorithm.MLDsa65, 23);
        string json = AkpJwk.ToJson(key.PublicKey);
        Assert.StartsWith("{\"alg\":\"ML-DSA-65\",\"kid\":\"", json, StringComparison.Ordinal);
        Assert.True(AkpJwk.Parse(json).SameAs(key.PublicKey));
        string canonical = "{\"alg\":\"ML-DSA-65\",\"kty\":\"AKP\",\"pub\":\"" + Base64Url.Encode(key.PublicKey.Key) + "\"}";
        Assert.Equal(Base64Url.Encode(Crypto.Sha256.Hash(Encoding.UTF8.GetBytes(canonical))), AkpJwk.Thumbprint(key.PublicKey));
        Assert.Equal(IdentityError.MalformedJwk, Assert.Throws<IdentityFormatException>(() => AkpJwk.Parse(json.Replace("AKP", "APK", StringComparison.Ordinal))).Error);
        Assert.Equal(IdentityError.WrongKeyLength, Assert.Throws<IdentityFormatException>(() => AkpJwk.Parse("{\"kty\":\"AKP\",\"alg\":\"ML-DSA-44\",\"pub\":\"" + Base64Url.Encode(key.PublicKey.Key) + "\"}")).Error);
    }
}
