// Known answers from libp2p/specs peer-ids/peer-ids.md ("Test vectors", "String representation") at 7740c07, and
// an Ed25519 vector produced with js-libp2p 3.3.11 (@libp2p/crypto, @libp2p/peer-id).
using System;
using WotId.Core.Encoding;
using WotId.Libp2p.Peer;

namespace WotId.Libp2p.Tests.Peer;

public sealed class PeerIdVectorTests
{
    internal const string Ed25519Seed = "7e0830617c4a7de83925dfb2694556b12936c477a0e1feb2e148ec9da60fee7d";
    internal const string Ed25519PrivateProto = "080112407e0830617c4a7de83925dfb2694556b12936c477a0e1feb2e148ec9da60fee7d1ed1e8fae2c4a144b8be8fd4b47bf3d3b34b871c3cacf6010f0e42d474fce27e";
    internal const string Ed25519PublicProto = "080112201ed1e8fae2c4a144b8be8fd4b47bf3d3b34b871c3cacf6010f0e42d474fce27e";
    internal const string Ed25519PeerId = "12D3KooWBtg3aaRMjxwedh83aGiUkwSxDwUZkzuJcfaqUmo7R3pq";
    internal const string Ed25519Cid = "bafzaajaiaejcahwr5d5ofrfbis4l5d6uwr57hu5tjodrypfm6yaq6dsc2r2pzyt6";
    internal const string EcdsaPublicProto = "0803125b3059301306072a8648ce3d020106082a8648ce3d03010703420004de3d300fa36ae0e8f5d530899d83abab44abf3161f162a4bc901d8e6ecda020e8b6d5f8da30525e71d6851510c098e5c47c646a597fb4dcec034e9f77c409e62";
    internal const string EcdsaPrivateProto = "08031279307702010104203E5B1FE9712E6C314942A750BD67485DE3C1EFE85B1BFB520AE8F9AE3DFA4A4CA00A06082A8648CE3D030107A14403420004DE3D300FA36AE0E8F5D530899D83ABAB44ABF3161F162A4BC901D8E6ECDA020E8B6D5F8DA30525E71D6851510C098E5C47C646A597FB4DCEC034E9F77C409E62";
    internal const string Secp256k1PublicProto = "08021221037777e994e452c21604f91de093ce415f5432f701dd8cd1a7a6fea0e630bfca99";
    internal const string Secp256k1PrivateProto = "0802122053DADF1D5A164D6B4ACDB15E24AA4C5B1D3461BDBD42ABEDB0A4404D56CED8FB";

    [Fact]
    public void Ed25519SpecVectorGivesTheKnownIdInBothTextForms()
    {
        using PeerIdentity identity = PeerIdentity.FromSeed(Hex.Decode(Ed25519Seed));
        Assert.Equal(Ed25519PublicProto, Hex.Encode(identity.PublicKey.Encode()));
        Assert.Equal(Ed25519PeerId, identity.PeerId.ToString());
        Assert.Equal(Ed25519Cid, identity.PeerId.ToCidString());
        Assert.Equal("0024" + Ed25519PublicProto, Hex.Encode(identity.PeerId.Bytes.Span));
        Assert.Equal(Ed25519PrivateProto, Hex.Encode(identity.ExportPrivateKeyProtobuf()));
    }

    [Fact]
    public void PrivateKeyProtobufLoadsAndDerivesThePublicKey()
    {
        using PeerIdentity identity = PeerIdentity.FromPrivateKeyProtobuf(Hex.Decode(Ed25519PrivateProto));
        Assert.Equal(Ed25519PeerId, identity.PeerId.ToString());
    }

    [Fact]
    public void LegacyNinetySixBytePrivateKeyIsAcceptedOnlyWhenCopiesMatch()
    {
        byte[] data = Hex.Decode(Ed25519PrivateProto)[4..];
        byte[] legacy = [0x08, 0x01, 0x12, 0x60, .. data, .. data[32..]];
        using (PeerIdentity id = PeerIdentity.FromPrivateKeyProtobuf(legacy))
        {
            Assert.Equal(Ed25519PeerId, id.PeerId.ToString());
        }

        legacy[^1] ^= 1;
        var e = Assert.Throws<PeerIdFormatException>(() => PeerIdentity.FromPrivateKeyProtobuf(legacy));
        Assert.Equal(PeerIdError.InvalidKeyData, e.Error);
    }

    [Fact]
    public void PrivateKeyWithWrongPublicHalfIsRejected()
    {
        byte[] bad = Hex.Decode(Ed25519PrivateProto);
        bad[^1] ^= 0x40;
        Assert.Equal(PeerIdError.InvalidKeyData, Assert.Throws<PeerIdFormatException>(() => PeerIdentity.FromPrivateKeyProtobuf(bad)).Error);
    }

    [Theory]
    [InlineData(Ed25519PublicProto, KeyType.Ed25519)]
    [InlineData(EcdsaPublicProto, KeyType.Ecdsa)]
    [InlineData(Secp256k1PublicProto, KeyType.Secp256k1)]
    public void SpecPublicKeysDecodeAndReencodeIdentically(string hex, KeyType type)
    {
        PeerPublicKey key = PeerPublicKey.Decode(Hex.Decode(hex));
        Assert.Equal(type, key.Type);
        Assert.Equal(hex, Hex.Encode(key.Encode()));
    }

    [Fact]
    public void SpecRsaPublicKeyDecodesAndHashesIntoAQmId()
    {
        PeerPublicKey key = PeerPublicKey.Decode(Hex.Decode(PeerIdRsaVector.PublicProto));
        Assert.Equal(KeyType.Rsa, key.Type);
        Assert.Equal(PeerIdRsaVector.PublicProto, Hex.Encode(key.Encode()));
        PeerId id = key.ToPeerId();
        Assert.StartsWith("Qm", id.ToString(), StringComparison.Ordinal);
        Assert.False(id.TryGetPublicKey(out _));
        Assert.Equal("1220", Hex.Encode(id.Bytes.Span[..2]));
        Assert.True(id.Matches(key));
    }

    [Fact]
    public void SpecTextExamplesParse()
    {
        PeerId sha = PeerId.Parse("QmYyQSo1c1Ym7orWxLYvCrM2EmxFTANf8wXmmE7DWjhx5N");
        Assert.Equal("QmYyQSo1c1Ym7orWxLYvCrM2EmxFTANf8wXmmE7DWjhx5N", sha.ToString());
        PeerId shaCid = PeerId.Parse("bafzbeie5745rpv2m6tjyuugywy4d5ewrqgqqhfnf445he3omzpjbx5xqxe");
        Assert.Equal("bafzbeie5745rpv2m6tjyuugywy4d5ewrqgqqhfnf445he3omzpjbx5xqxe", shaCid.ToCidString());
        PeerId ed = PeerId.Parse("12D3KooWD3eckifWpRn9wQpMG9R9hX3sD158z7EqHWmweQAJU5SA");
        Assert.True(ed.TryGetPublicKey(out PeerPublicKey? key));
        Assert.Equal(KeyType.Ed25519, key!.Type);
        Assert.Equal(PeerId.Parse(Ed25519Cid), PeerId.Parse(Ed25519PeerId));
    }

    [Theory]
    [InlineData("", PeerIdError.Empty)]
    [InlineData("12D3KooW0000", PeerIdError.InvalidText)]
    [InlineData("QmYyQSo1c1Ym7orWxLYvCrM2EmxFTANf8wXmmE7DWjhx5", PeerIdError.InvalidMultihash)]
    [InlineData("bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy55fbzdi", PeerIdError.InvalidCid)]
    [InlineData("xyz", PeerIdError.InvalidText)]
    public void MalformedTextIsRejectedWithATypedError(string text, PeerIdError error)
    {
        Assert.Equal(error, Assert.Throws<PeerIdFormatException>(() => PeerId.Parse(text)).Error);
        Assert.False(PeerId.TryParse(text, out _));
    }

    [Theory]
    [InlineData("", PeerIdError.Empty)]
    [InlineData("0801", PeerIdError.InvalidKeyProtobuf)]
    [InlineData("0801120401020304", PeerIdError.InvalidKeyData)]
    [InlineData("080412020102", PeerIdError.UnknownKeyType)]
    [InlineData("08011220" + "1ed1e8fae2c4a144b8be8fd4b47bf3d3b34b871c3cacf6010f0e42d474fce27e" + "1800", PeerIdError.InvalidKeyProtobuf)]
    [InlineData("08011220" + "1ed1e8fae2c4a144b8be8fd4b47bf3d3b34b871c3cacf6010f0e42d474fce27e" + "0801", PeerIdError.InvalidKeyProtobuf)]
    [InlineData("08021221047777e994e452c21604f91de093ce415f5432f701dd8cd1a7a6fea0e630bfca99", PeerIdError.InvalidKeyData)]
    [InlineData("0803120430020101", PeerIdError.InvalidKeyData)]
    [InlineData("0800120430020101", PeerIdError.InvalidKeyData)]
    public void MalformedPublicKeysAreRejectedWithATypedError(string hex, PeerIdError error)
    {
        Assert.Equal(error, Assert.Throws<PeerIdFormatException>(() => PeerPublicKey.Decode(Hex.Decode(hex))).Error);
    }

    [Fact]
    public void FieldsInReverseOrderDecodeToTheCanonicalEncoding()
    {
        byte[] reversed = Hex.Decode("12201ed1e8fae2c4a144b8be8fd4b47bf3d3b34b871c3cacf6010f0e42d474fce27e0801");
        Assert.Equal(Ed25519PublicProto, Hex.Encode(PeerPublicKey.Decode(reversed).Encode()));
    }

    [Fact]
    public void IdentitySignaturesVerifyAndTamperedOnesDoNot()
    {
        using PeerIdentity identity = PeerIdentity.Generate();
        byte[] msg = "hello libp2p"u8.ToArray();
        byte[] sig = identity.Sign(msg);
        Assert.True(identity.PublicKey.Verify(msg, sig));
        sig[5] ^= 1;
        Assert.False(identity.PublicKey.Verify(msg, sig));
        Assert.False(identity.PublicKey.Verify(msg, sig.AsSpan(0, 63)));
        Assert.DoesNotContain("Private", identity.ToString(), StringComparison.OrdinalIgnoreCase);
    }
}
