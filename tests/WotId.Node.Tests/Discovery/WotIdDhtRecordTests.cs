using System;
using System.Text;
using Microsoft.Extensions.Time.Testing;
using WotId.Identity;
using WotId.Identity.Keys;
using WotId.Libp2p.Kademlia;
using WotId.Libp2p.Multiaddr;
using WotId.Libp2p.Peer;
using WotId.Node.Discovery;

namespace WotId.Node.Tests.Discovery;

// wot.id DHT records (docs/discovery.md, "wot.id records"): signed by the DID's ML-DSA key, keyed by SHA-256 of
// the DID; one row per reason the validator refuses a record, each breaking exactly one thing.
public sealed class WotIdDhtRecordTests
{
    private static readonly DateTimeOffset s_now = new(2026, 12, 6, 12, 0, 0, TimeSpan.Zero);

    private static WotIdDhtRecord Record(SigningKey key, ulong seq = 1, DateTimeOffset? expires = null, PeerId? peer = null) => new(
        key.Did,
        peer ?? PeerIdentity.Generate().PeerId,
        [Multiaddress.Parse("/ip4/192.0.2.7/tcp/4001"), Multiaddress.Parse("/ip4/198.51.100.1/tcp/4001/p2p/12D3KooWD3eckifWpRn9wQpMG9R9hX3sD158z7EqHWmweQAJU5SA/p2p-circuit")],
        "0xmailbox",
        [1, 2, 3],
        seq,
        expires ?? s_now.AddHours(24));

    private static WotIdDhtRecordValidator Validator() => new(new FakeTimeProvider(s_now));

    [Fact]
    public void SignedRecordsRoundTripAndValidate()
    {
        using SigningKey key = SigningKey.Generate(KeyAlgorithm.MLDsa65);
        WotIdDhtRecord record = Record(key, seq: 7);
        byte[] value = record.Sign(key);
        WotIdDhtRecord back = WotIdDhtRecord.Open(value);
        Assert.Equal(key.Did, back.Did);
        Assert.Equal(record.PeerId, back.PeerId);
        Assert.Equal(record.Addresses, back.Addresses);
        Assert.Equal("0xmailbox", back.MailboxId);
        Assert.Equal(new byte[] { 1, 2, 3 }, back.PrekeyBundle);
        Assert.Equal(7UL, back.Sequence);
        Assert.Equal(record.ExpiresAt, back.ExpiresAt);
        Validator().Validate(WotIdDhtRecord.KeyOf(key.Did), value);
        Assert.True(value.Length < KadProtocol.MaxValueLength);
    }

    [Fact]
    public void TheMailboxHostRoundTripsAndIsCoveredByTheSignature()
    {
        using SigningKey key = SigningKey.Generate(KeyAlgorithm.MLDsa65);
        const string host = "/ip4/203.0.113.1/tcp/4001/p2p/12D3KooWD3eckifWpRn9wQpMG9R9hX3sD158z7EqHWmweQAJU5SA";
        WotIdDhtRecord record = new(key.Did, PeerIdentity.Generate().PeerId, [], "0x1", null, 1, s_now.AddHours(1)) { MailboxHost = host };
        byte[] value = record.Sign(key);
        Assert.Equal(host, WotIdDhtRecord.Open(value).MailboxHost);
        Assert.Null(WotIdDhtRecord.Open(Record(key).Sign(key)).MailboxHost);

        // One changed character of the host (field 8, before the signature) breaks the signature.
        int at = value.AsSpan().IndexOf(Encoding.ASCII.GetBytes(host));
        Assert.True(at > 0);
        value[at + 5] ^= 1;
        Assert.Equal(KadError.InvalidRecord, Assert.Throws<KadException>(() => WotIdDhtRecord.Open(value)).Error);
    }

    [Fact]
    public void EachBrokenPropertyIsRefused()
    {
        using SigningKey key = SigningKey.Generate(KeyAlgorithm.MLDsa65);
        using SigningKey other = SigningKey.Generate(KeyAlgorithm.MLDsa65);
        byte[] good = Record(key).Sign(key);
        WotIdDhtRecordValidator v = Validator();
        byte[] k = WotIdDhtRecord.KeyOf(key.Did);

        // another DID's key slot
        Assert.Throws<KadException>(() => v.Validate(WotIdDhtRecord.KeyOf(other.Did), good));
        // expired
        Assert.Throws<KadException>(() => v.Validate(k, Record(key, expires: s_now.AddSeconds(-1)).Sign(key)));
        // valid for too long
        Assert.Throws<KadException>(() => v.Validate(k, Record(key, expires: s_now.AddDays(30)).Sign(key)));
        // a flipped bit in the body breaks the signature
        byte[] tampered = (byte[])good.Clone();
        tampered[^3400] ^= 1;
        Assert.Throws<KadException>(() => v.Validate(k, tampered));
        // unsigned: the body alone
        Assert.Throws<KadException>(() => v.Validate(k, good.AsSpan(0, good.Length - 3312).ToArray()));
        // oversized
        Assert.Equal(KadError.TooLarge, Assert.Throws<KadException>(() => v.Validate(k, new byte[KadProtocol.MaxValueLength + 1])).Error);
        // garbage
        Assert.Equal(KadError.InvalidRecord, Assert.Throws<KadException>(() => v.Validate(k, Encoding.ASCII.GetBytes("not a record"))).Error);
        // signed by a key that is not the DID's
        Assert.Throws<ArgumentException>(() => Record(key).Sign(other));
    }

    [Fact]
    public void HighestSequenceIsSelected()
    {
        using SigningKey key = SigningKey.Generate(KeyAlgorithm.MLDsa65);
        byte[] v3 = Record(key, seq: 3).Sign(key);
        byte[] v5 = Record(key, seq: 5).Sign(key);
        byte[] k = WotIdDhtRecord.KeyOf(key.Did);
        Assert.Equal(1, Validator().Select(k, [v3, v5]));
        Assert.Equal(0, Validator().Select(k, [v5, v3]));
    }
}
