// "Arbitrary bytes never throw anything but the documented exception" for the peer id and key decoders.
using System;
using CsCheck;
using WotId.Libp2p.Peer;

namespace WotId.Libp2p.Tests.Peer;

public sealed class PeerPropertyTests
{
    [Fact]
    public void ArbitraryKeyBytesOnlyThrowPeerIdFormatException()
    {
        Gen.Byte.Array[0, 120].Sample(bytes =>
        {
            try
            {
                PeerPublicKey key = PeerPublicKey.Decode(bytes);
                Assert.Equal(key, PeerPublicKey.Decode(key.Encode()));
            }
            catch (PeerIdFormatException)
            {
            }
        }, iter: 20_000);
    }

    [Fact]
    public void MutatedEd25519KeysOnlyThrowPeerIdFormatException()
    {
        byte[] valid = Core.Encoding.Hex.Decode(PeerIdVectorTests.Ed25519PublicProto);
        Gen.Select(Gen.Int[0, valid.Length - 1], Gen.Byte).Sample((index, value) =>
        {
            byte[] mutated = (byte[])valid.Clone();
            mutated[index] = value;
            try
            {
                PeerPublicKey.Decode(mutated);
            }
            catch (PeerIdFormatException)
            {
            }
        }, iter: 5_000);
    }

    [Fact]
    public void ArbitraryMultihashesAndStringsOnlyThrowPeerIdFormatException()
    {
        Gen.Byte.Array[0, 80].Sample(bytes =>
        {
            try
            {
                PeerId id = PeerId.FromBytes(bytes);
                Assert.Equal(id, PeerId.Parse(id.ToString()));
                Assert.Equal(id, PeerId.Parse(id.ToCidString()));
            }
            catch (PeerIdFormatException)
            {
            }
        }, iter: 20_000);
        Gen.String.Sample(text =>
        {
            try
            {
                PeerId.Parse(text);
            }
            catch (PeerIdFormatException)
            {
            }
        }, iter: 20_000);
    }

    [Fact]
    public void GeneratedIdentitiesRoundTripThroughEveryForm()
    {
        Gen.Byte.Array[32].Sample(seed =>
        {
            using PeerIdentity identity = PeerIdentity.FromSeed(seed);
            PeerId id = identity.PeerId;
            Assert.StartsWith("12D3KooW", id.ToString(), StringComparison.Ordinal);
            Assert.Equal(id, PeerId.Parse(id.ToString()));
            Assert.Equal(id, PeerId.Parse(id.ToCidString()));
            Assert.True(id.TryGetPublicKey(out PeerPublicKey? key));
            Assert.Equal(identity.PublicKey, key);
            using PeerIdentity again = PeerIdentity.FromPrivateKeyProtobuf(identity.ExportPrivateKeyProtobuf());
            Assert.Equal(id, again.PeerId);
        }, iter: 200);
    }
}
