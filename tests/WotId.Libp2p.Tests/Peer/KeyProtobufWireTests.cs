// libp2p/specs peer-ids/peer-ids.md, "Keys": decoders accept any protobuf encoding of PublicKey (padded varints
// included, as js-libp2p's protons reader does) while the peer id is computed from the deterministic re-encoding.
using System;
using WotId.Libp2p.Peer;

namespace WotId.Libp2p.Tests.Peer;

public sealed class KeyProtobufWireTests
{
    private const string RawKey = "1ed1e8fae2c4a144b8be8fd4b47bf3d3b34b871c3cacf6010f0e42d474fce27e";

    [Fact]
    public void PaddedVarintsGiveTheSameKeyAndPeerId()
    {
        // Key 08 → 88 00, type 01 → 81 00, key 12 → 92 00, length 20 → a0 80 00.
        PeerPublicKey padded = PeerPublicKey.Decode(Convert.FromHexString("88008100" + "9200a08000" + RawKey));
        PeerPublicKey minimal = PeerPublicKey.Decode(Convert.FromHexString(PeerIdVectorTests.Ed25519PublicProto));
        Assert.Equal(minimal, padded);
        Assert.Equal(PeerIdVectorTests.Ed25519PublicProto, Convert.ToHexStringLower(padded.Encode()));
        Assert.Equal(PeerIdVectorTests.Ed25519PeerId, padded.ToPeerId().ToString());
    }

    [Theory]
    [InlineData("0801122001")]
    [InlineData("08011220")]
    [InlineData("0801")]
    [InlineData("080112ffffffffffffffffff7f")]
    [InlineData("0f01")]
    public void MalformedProtobufIsInvalidKeyProtobuf(string hex)
    {
        PeerIdFormatException e = Assert.Throws<PeerIdFormatException>(() => PeerPublicKey.Decode(Convert.FromHexString(hex)));
        Assert.Equal(PeerIdError.InvalidKeyProtobuf, e.Error);
    }

    [Fact]
    public void FieldsBeyondTypeAndDataAreRejected()
    {
        // peer-ids.md requires exactly Type and Data; a group (field 3) is not skipped here.
        PeerIdFormatException e = Assert.Throws<PeerIdFormatException>(
            () => PeerPublicKey.Decode(Convert.FromHexString(PeerIdVectorTests.Ed25519PublicProto + "1b0801" + "1c")));
        Assert.Equal(PeerIdError.InvalidKeyProtobuf, e.Error);
    }
}
