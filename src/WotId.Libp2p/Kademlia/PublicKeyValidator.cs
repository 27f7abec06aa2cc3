// The /pk/ namespace (libp2p/specs kad-dht/README.md "Validation"; go-libp2p-record publickey.go): the key is
// "/pk/" followed by a peer-id multihash, the value is that peer's PublicKey protobuf. All valid values are equal,
// so selection takes the first.
using System;
using System.Collections.Generic;
using WotId.Libp2p.Peer;

namespace WotId.Libp2p.Kademlia;

/// <summary>Validator of <c>/pk/&lt;peer id&gt;</c> records.</summary>
public sealed class PublicKeyValidator : IKadRecordValidator
{
    /// <summary>The namespace served.</summary>
    public const string Namespace = "pk";

    /// <inheritdoc />
    public void Validate(ReadOnlySpan<byte> key, ReadOnlySpan<byte> value)
    {
        if (key.Length < 5 || !key[..4].SequenceEqual("/pk/"u8))
        {
            throw new KadException(KadError.InvalidRecord, "a /pk/ record key must be /pk/<peer id>");
        }

        PeerId claimed;
        PeerId actual;
        try
        {
            claimed = PeerId.FromBytes(key[4..]);
            actual = PeerId.FromPublicKey(PeerPublicKey.Decode(value));
        }
        catch (FormatException e)
        {
            throw new KadException(KadError.InvalidRecord, "a /pk/ record needs a peer id key and a public key value", e);
        }

        if (claimed != actual)
        {
            throw new KadException(KadError.InvalidRecord, "the public key does not belong to the peer id of the key");
        }
    }

    /// <inheritdoc />
    public int Select(ReadOnlySpan<byte> key, IReadOnlyList<byte[]> values) => 0;
}
