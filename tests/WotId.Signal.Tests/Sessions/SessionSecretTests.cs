using System;
using System.Threading;
using System.Threading.Tasks;
using WotId.Signal.Protocol;
using WotId.Signal.Ratchet;
using WotId.Signal.State;
using WotId.Signal.Tests.Support;

namespace WotId.Signal.Tests.Sessions;

/// <summary>Issue 4: session secrets are handles that zero their memory when replaced or dropped, and never print.</summary>
public sealed class SessionSecretTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task DisposingTheRecordZeroesEveryKeyTheCurrentStateOwned()
    {
        using var alice = new Party("alice");
        using var bob = new Party("bob");
        (SessionRecord aliceRecord, _, _) = await EstablishAsync(alice, bob);
        AssertDisposeZeroes(aliceRecord);
    }

    [Fact]
    public async Task RatchetStepsZeroTheKeysTheyReplace()
    {
        using var alice = new Party("alice");
        using var bob = new Party("bob");
        (SessionRecord aliceRecord, _, byte[] reply) = await EstablishAsync(alice, bob);
        AssertReplacementZeroes(aliceRecord.Current!, SignalMessage.Deserialize(reply));
    }

    [Fact]
    public async Task PromotingAStateZeroesTheArchivedOneAndKeepsItsBytes()
    {
        using var alice = new Party("alice");
        using var bob = new Party("bob");
        (SessionRecord aliceRecord, _, _) = await EstablishAsync(alice, bob);
        AssertPromotionZeroes(aliceRecord);
    }

    [Fact]
    public async Task DisposingTheStoreZeroesItsSessions()
    {
        var alice = new Party("alice");
        using var bob = new Party("bob");
        (SessionRecord loaded, _, _) = await EstablishAsync(alice, bob);
        loaded.Dispose();
        AssertStoreDisposeZeroes(alice, alice.Store.StoredSession(bob.Address)!);
    }

    [Fact]
    public async Task ToStringShowsNoKeyBytes()
    {
        using var alice = new Party("alice");
        using var bob = new Party("bob");
        (SessionRecord aliceRecord, _, _) = await EstablishAsync(alice, bob);
        SessionState s = aliceRecord.Current!;
        Assert.Equal("RootKey(32 bytes)", s.RootKey.ToString());
        Assert.Equal("ChainKey(32 bytes)", s.SenderChainKey!.ToString());
        Assert.Equal("RatchetPrivateKey(32 bytes)", s.SenderRatchetPrivate!.ToString());
        Assert.Equal("ChainKey(32 bytes)", s.ReceiverChains[0].ChainKey.ToString());
        string all = string.Join("|", s.RootKey, s.SenderChainKey, s.SenderRatchetPrivate, s.ReceiverChains[0].ChainKey, s, aliceRecord);
        foreach (byte[] secret in new[]
        {
            s.RootKey.Span.ToArray(), s.SenderChainKey.Span.ToArray(), s.SenderRatchetPrivate.Span.ToArray(), s.ReceiverChains[0].ChainKey.Span.ToArray(),
        })
        {
            Assert.DoesNotContain(Convert.ToHexString(secret), all, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(Convert.ToBase64String(secret), all, StringComparison.Ordinal);
        }
    }

    /// <summary>Alice and Bob exchange messages; returns Alice's record, Bob's, and an undelivered reply from Bob.</summary>
    private static async Task<(SessionRecord Alice, SessionRecord Bob, byte[] Reply)> EstablishAsync(Party alice, Party bob)
    {
        await new SessionBuilder(alice.Store, bob.Address).ProcessPreKeyBundleAsync(await bob.CreateBundleAsync(), Ct);
        SessionCipher a = alice.CipherFor(bob), b = bob.CipherFor(alice);
        Assert.Equal(new byte[] { 1 }, await b.DecryptAsync(await a.EncryptAsync(new byte[] { 1 }, Ct), Ct));
        Assert.Equal(new byte[] { 2 }, await a.DecryptAsync(await b.EncryptAsync(new byte[] { 2 }, Ct), Ct));
        Assert.Equal(new byte[] { 3 }, await b.DecryptAsync(await a.EncryptAsync(new byte[] { 3 }, Ct), Ct));
        CiphertextMessage reply = await b.EncryptAsync(new byte[] { 4 }, Ct);
        Assert.Equal(CiphertextMessageType.Whisper, reply.Type);
        return ((await alice.Store.LoadSessionAsync(bob.Address, Ct))!, (await bob.Store.LoadSessionAsync(alice.Address, Ct))!, reply.Serialized);
    }

    private static bool IsZero(ReadOnlySpan<byte> s) => s.IndexOfAnyExcept((byte)0) < 0;

    private static void AssertDisposeZeroes(SessionRecord record)
    {
        SessionState state = record.Current!;
        Assert.NotEmpty(state.ReceiverChains);
        ReadOnlySpan<byte> root = state.RootKey.Span;
        ReadOnlySpan<byte> sendChain = state.SenderChainKey!.Span;
        ReadOnlySpan<byte> sendPrivate = state.SenderRatchetPrivate!.Span;
        ReadOnlySpan<byte> receiveChain = state.ReceiverChains[^1].ChainKey.Span;
        Assert.False(IsZero(root));
        Assert.False(IsZero(sendChain));
        Assert.False(IsZero(sendPrivate));
        Assert.False(IsZero(receiveChain));

        record.Dispose();

        Assert.True(IsZero(root));
        Assert.True(IsZero(sendChain));
        Assert.True(IsZero(sendPrivate));
        Assert.True(IsZero(receiveChain));
        Assert.Throws<ObjectDisposedException>(() => state.RootKey.Span.Length);
        Assert.False(record.HasCurrentState);
        Assert.Equal(0, record.ArchivedStateCount);
    }

    private static void AssertReplacementZeroes(SessionState state, SignalMessage reply)
    {
        ReadOnlySpan<byte> root = state.RootKey.Span;
        ReadOnlySpan<byte> sendChain = state.SenderChainKey!.Span;
        ReadOnlySpan<byte> sendPrivate = state.SenderRatchetPrivate!.Span;
        byte[] before = state.Serialize();

        // A failed decrypt (bad MAC) replaces and zeroes nothing.
        byte[] tampered = (byte[])reply.SerializedArray.Clone();
        tampered[^1] ^= 1;
        Assert.Throws<SignalProtocolException>(() => TripleRatchet.Decrypt(state, SignalMessage.Deserialize(tampered)));
        Assert.False(IsZero(root));
        Assert.Equal(before, state.Serialize());

        // The DH ratchet step replaces the root key and the whole sending chain: the old buffers are zeroed.
        Assert.Equal(new byte[] { 4 }, TripleRatchet.Decrypt(state, reply));
        Assert.True(IsZero(root));
        Assert.True(IsZero(sendChain));
        Assert.True(IsZero(sendPrivate));
        Assert.False(IsZero(state.RootKey.Span));

        // Encrypting advances the sending chain key; the previous one is zeroed.
        ReadOnlySpan<byte> chain = state.SenderChainKey!.Span;
        _ = TripleRatchet.Encrypt(state, new byte[] { 5 });
        Assert.True(IsZero(chain));
        Assert.False(IsZero(state.SenderChainKey!.Span));
    }

    private static void AssertStoreDisposeZeroes(Party owner, SessionRecord record)
    {
        ReadOnlySpan<byte> root = record.Current!.RootKey.Span;
        Assert.False(IsZero(root));
        owner.Dispose();
        Assert.True(IsZero(root));
        Assert.False(record.HasCurrentState);
    }

    private static void AssertPromotionZeroes(SessionRecord record)
    {
        SessionState old = record.Current!;
        byte[] oldBytes = old.Serialize();
        ReadOnlySpan<byte> oldRoot = old.RootKey.Span;
        SessionState copy = SessionState.Deserialize(oldBytes);

        record.PromoteState(copy);

        Assert.True(IsZero(oldRoot));
        Assert.Same(copy, record.Current);
        Assert.Equal(1, record.ArchivedStateCount);
        Assert.Equal(oldBytes, record.Previous[0]);
        Assert.Equal(oldBytes, copy.Serialize());
    }
}
