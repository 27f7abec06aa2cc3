using System;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using WotId.Libp2p.Kademlia;
using WotId.Libp2p.Multiaddr;
using WotId.Libp2p.Peer;

namespace WotId.Libp2p.Tests.Kademlia;

// Record and provider stores and the server's answers (libp2p/specs kad-dht/README.md "Value storage and
// retrieval", "Content provider advertisement and discovery", "Validation").
public sealed class KadStoreTests
{
    private static readonly byte[] s_key = Encoding.ASCII.GetBytes("/wotid-test/alice");

    private static KadNode Node(FakeTimeProvider time, int maxRecords = 16) => new(
        PeerIdentity.Generate().PeerId,
        new KadDhtOptions { Validators = TestNamespaceValidator.WithPk(), TimeProvider = time, MaxRecords = maxRecords, MaxProviderKeys = 2 },
        new UnreachableNetwork());

    private static KadMessage Put(byte[] key, byte[] value) => new(KadMessageType.PutValue, key) { Record = new KadRecord(key, value) };

    [Fact]
    public void PutValueIsEchoedStoredAndReturnedByGetValue()
    {
        KadNode node = Node(new FakeTimeProvider());
        PeerId from = PeerIdentity.Generate().PeerId;
        KadMessage put = Put(s_key, TestNamespaceValidator.Value(1, "a"));
        Assert.Same(put, node.Handle(from, put));
        KadMessage got = node.Handle(from, new KadMessage(KadMessageType.GetValue, s_key))!;
        Assert.Equal(TestNamespaceValidator.Value(1, "a"), got.Record!.Value);
        Assert.NotNull(got.Record.TimeReceived);
    }

    [Fact]
    public async Task NodeWithoutPeersAnswersGetValueFromItsOwnStoreAndRefusesOtherKeys()
    {
        // A lone bootstrap node holds the records its clients put on it before it knows any server-mode peer.
        KadNode node = Node(new FakeTimeProvider());
        node.Handle(PeerIdentity.Generate().PeerId, Put(s_key, TestNamespaceValidator.Value(3, "held")));

        Assert.Equal(TestNamespaceValidator.Value(3, "held"), await node.GetValueAsync(s_key, TestContext.Current.CancellationToken));
        byte[] unknown = Encoding.ASCII.GetBytes("/wotid-test/bob");
        KadException e = await Assert.ThrowsAsync<KadException>(() => node.GetValueAsync(unknown, TestContext.Current.CancellationToken));
        Assert.Equal(KadError.NoPeers, e.Error);
    }

    [Fact]
    public void RecordsWithoutValidatorStaleOrInvalidAreRefused()
    {
        KadNode node = Node(new FakeTimeProvider());
        PeerId from = PeerIdentity.Generate().PeerId;
        byte[] other = Encoding.ASCII.GetBytes("/other/x");
        Assert.Equal(KadError.NoValidator, Assert.Throws<KadException>(() => node.Handle(from, Put(other, [1]))).Error);
        Assert.Equal(KadError.InvalidRecord, Assert.Throws<KadException>(() => node.Handle(from, Put(s_key, [1, 2]))).Error);
        node.Handle(from, Put(s_key, TestNamespaceValidator.Value(5, "new")));
        Assert.Equal(KadError.InvalidRecord, Assert.Throws<KadException>(() => node.Handle(from, Put(s_key, TestNamespaceValidator.Value(4, "old")))).Error);
        Assert.Equal(KadError.InvalidField, Assert.Throws<KadException>(() => node.Handle(from, new KadMessage(KadMessageType.PutValue, s_key))).Error);
    }

    [Fact]
    public void PublicKeyRecordsMustMatchTheirPeerId()
    {
        KadNode node = Node(new FakeTimeProvider());
        using PeerIdentity alice = PeerIdentity.Generate();
        using PeerIdentity bob = PeerIdentity.Generate();
        byte[] key = [.. "/pk/"u8, .. alice.PeerId.Bytes.Span];
        node.Handle(bob.PeerId, Put(key, alice.PublicKey.Encode()));
        Assert.Equal(KadError.InvalidRecord, Assert.Throws<KadException>(() => node.Handle(bob.PeerId, Put(key, bob.PublicKey.Encode()))).Error);
    }

    [Fact]
    public void RecordsExpireAndTheStoreIsBounded()
    {
        var time = new FakeTimeProvider();
        KadNode node = Node(time, maxRecords: 2);
        PeerId from = PeerIdentity.Generate().PeerId;
        node.Handle(from, Put(s_key, TestNamespaceValidator.Value(1, "a")));
        node.Handle(from, Put("/wotid-test/b"u8.ToArray(), TestNamespaceValidator.Value(1, "b")));
        Assert.Equal(KadError.TooLarge, Assert.Throws<KadException>(() => node.Handle(from, Put("/wotid-test/c"u8.ToArray(), TestNamespaceValidator.Value(1, "c")))).Error);
        time.Advance(TimeSpan.FromHours(49));
        Assert.Null(node.Handle(from, new KadMessage(KadMessageType.GetValue, s_key))!.Record);
        node.Handle(from, Put("/wotid-test/c"u8.ToArray(), TestNamespaceValidator.Value(1, "c")));
    }

    [Fact]
    public void OnlyTheSenderWithAddressesIsAcceptedAsProviderAndProvidersExpire()
    {
        var time = new FakeTimeProvider();
        KadNode node = Node(time);
        PeerId sender = PeerIdentity.Generate().PeerId;
        PeerId other = PeerIdentity.Generate().PeerId;
        byte[] key = [0x12, 0x20, .. new byte[32]];
        Multiaddress addr = Multiaddress.Parse("/ip4/127.0.0.1/tcp/1");
        var add = new KadMessage(KadMessageType.AddProvider, key);
        add.ProviderPeers.Add(KadPeer.From(other, [addr]));
        add.ProviderPeers.Add(KadPeer.From(sender, []));
        Assert.Null(node.Handle(sender, add));
        Assert.Empty(node.Handle(sender, new KadMessage(KadMessageType.GetProviders, key))!.ProviderPeers);

        var good = new KadMessage(KadMessageType.AddProvider, key);
        good.ProviderPeers.Add(KadPeer.From(sender, [addr]));
        node.Handle(sender, good);
        KadPeer p = node.Handle(other, new KadMessage(KadMessageType.GetProviders, key))!.ProviderPeers.Single();
        Assert.Equal(sender, p.TryGetPeerId());
        time.Advance(TimeSpan.FromHours(49));
        Assert.Empty(node.Handle(other, new KadMessage(KadMessageType.GetProviders, key))!.ProviderPeers);
    }

    [Fact]
    public void FindNodeAnswersTheClosestKnownPeersWithoutTheAsker()
    {
        KadNode node = Node(new FakeTimeProvider());
        PeerId asker = PeerIdentity.Generate().PeerId;
        node.Table.TryAdd(asker, []);
        for (int i = 0; i < 30; i++)
        {
            node.Table.TryAdd(PeerIdentity.Generate().PeerId, [Multiaddress.Parse("/ip4/127.0.0.1/tcp/" + (1000 + i))]);
        }

        KadMessage r = node.Handle(asker, new KadMessage(KadMessageType.FindNode, asker.Bytes.ToArray()))!;
        Assert.Equal(Math.Min(20, node.Table.Count - 1), r.CloserPeers.Count);
        Assert.DoesNotContain(r.CloserPeers, p => p.TryGetPeerId() == asker);
        Assert.All(r.CloserPeers, p => Assert.Single(p.ParsedAddresses()));
    }

    private sealed class UnreachableNetwork : IKadNetwork
    {
        public System.Threading.Tasks.Task<KadMessage?> SendAsync(KadContact peer, KadMessage request, System.Threading.CancellationToken cancellationToken) =>
            throw new System.IO.IOException("no network in this test");
    }
}
