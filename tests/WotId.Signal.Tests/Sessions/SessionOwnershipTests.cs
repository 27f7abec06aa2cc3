using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using WotId.Signal.Keys;
using WotId.Signal.Protocol;
using WotId.Signal.State;
using WotId.Signal.Stores;
using WotId.Signal.Tests.Support;

namespace WotId.Signal.Tests.Sessions;

/// <summary>
/// A record has exactly one owner: the store hands out deep copies on load and takes over the record it is given on
/// store, and <see cref="SessionCipher"/> and <see cref="SessionBuilder"/> either hand every record they load to the
/// store (on success) or dispose it before returning.
/// </summary>
public sealed class SessionOwnershipTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task LoadingTwiceGivesIndependentRecords()
    {
        using var alice = new Party("alice");
        using var bob = new Party("bob");
        await EstablishAsync(alice.Store, alice, bob);
        using SessionRecord first = (await alice.Store.LoadSessionAsync(bob.Address, Ct))!;
        using SessionRecord second = (await alice.Store.LoadSessionAsync(bob.Address, Ct))!;

        Assert.NotSame(first, second);
        Assert.NotSame(first.Current, second.Current);
        Assert.NotSame(first.Current!.RootKey, second.Current!.RootKey);
        Assert.Equal(first.Serialize(), second.Serialize());

        first.ArchiveCurrentState();

        Assert.False(first.HasCurrentState);
        Assert.True(second.HasCurrentState);
        Assert.Equal(second.Serialize(), alice.Store.StoredSession(bob.Address)!.Serialize());
    }

    [Fact]
    public async Task DisposingALoadedRecordLeavesTheStoreIntact()
    {
        using var alice = new Party("alice");
        using var bob = new Party("bob");
        await EstablishAsync(alice.Store, alice, bob);
        SessionRecord loaded = (await alice.Store.LoadSessionAsync(bob.Address, Ct))!;
        ReadOnlySpan<byte> loadedRoot = loaded.Current!.RootKey.Span;

        loaded.Dispose();

        Assert.True(IsZero(loadedRoot));
        Assert.False(IsZero(alice.Store.StoredSession(bob.Address)!.Current!.RootKey.Span));
        await AssertRoundTripAsync(alice.Store, alice, bob);
    }

    [Fact]
    public async Task StoringARecordHandsItToTheStoreWhichDisposesItWhenReplaced()
    {
        using var alice = new Party("alice");
        using var bob = new Party("bob");
        await EstablishAsync(alice.Store, alice, bob);
        SessionRecord mine = (await alice.Store.LoadSessionAsync(bob.Address, Ct))!;
        byte[] bytes = mine.Serialize();
        RatchetSecret root = mine.Current!.RootKey;
        await alice.Store.StoreSessionAsync(bob.Address, mine, Ct);

        Assert.Same(mine, alice.Store.StoredSession(bob.Address));
        Assert.Equal(bytes, alice.Store.StoredSession(bob.Address)!.Serialize());
        await AssertRoundTripAsync(alice.Store, alice, bob);

        AssertDisposed(mine);
        AssertZeroed(root);
    }

    [Fact]
    public async Task StoringTheStoredRecordAgainKeepsIt()
    {
        using var alice = new Party("alice");
        using var bob = new Party("bob");
        await EstablishAsync(alice.Store, alice, bob);
        SessionRecord mine = (await alice.Store.LoadSessionAsync(bob.Address, Ct))!;
        await alice.Store.StoreSessionAsync(bob.Address, mine, Ct);

        await alice.Store.StoreSessionAsync(bob.Address, mine, Ct);

        Assert.Same(mine, alice.Store.StoredSession(bob.Address));
        Assert.True(mine.HasCurrentState);
        await AssertRoundTripAsync(alice.Store, alice, bob);
    }

    [Fact]
    public async Task TheStoreDisposesTheCopyItReplaces()
    {
        using var alice = new Party("alice");
        using var bob = new Party("bob");
        await EstablishAsync(alice.Store, alice, bob);
        SessionRecord replaced = alice.Store.StoredSession(bob.Address)!;
        RatchetSecret replacedRoot = replaced.Current!.RootKey;

        await alice.CipherFor(bob).EncryptAsync(new byte[] { 1 }, Ct);

        AssertZeroed(replacedRoot);
        Assert.False(replaced.HasCurrentState);
        Assert.NotSame(replaced, alice.Store.StoredSession(bob.Address));
    }

    [Fact]
    public async Task EncryptHandsTheRecordItLoadedToTheStore()
    {
        using var alice = new Party("alice");
        using var bob = new Party("bob");
        var spy = new RecordingStore(alice.Store);
        await EstablishAsync(spy, alice, bob);
        AssertDisposedOrStored(spy, bob.Address);
        spy.LoadedSessions.Clear();
        spy.LoadedRootKeys.Clear();

        await new SessionCipher(spy, bob.Address).EncryptAsync(new byte[] { 9 }, Ct);

        SessionRecord loaded = Assert.Single(spy.LoadedSessions);
        Assert.Same(loaded, alice.Store.StoredSession(bob.Address));
        RatchetSecret root = Assert.Single(spy.LoadedRootKeys);

        await new SessionCipher(spy, bob.Address).EncryptAsync(new byte[] { 10 }, Ct);

        AssertDisposed(loaded);
        AssertZeroed(root);
    }

    [Fact]
    public async Task EveryRecordLoadedInTheNormalPathsIsDisposedOrStored()
    {
        using var alice = new Party("alice");
        using var bob = new Party("bob");
        var aliceSpy = new RecordingStore(alice.Store);
        var bobSpy = new RecordingStore(bob.Store);

        // Builder, PreKey message creating Bob's session, SignalMessages both ways, a second session archiving the first.
        await EstablishAsync(aliceSpy, alice, bob, bobSpy);
        await new SessionBuilder(aliceSpy, bob.Address).ProcessPreKeyBundleAsync(await bob.CreateBundleAsync(), Ct);
        await AssertRoundTripAsync(aliceSpy, alice, bob, bobSpy);

        Assert.NotEmpty(aliceSpy.LoadedSessions);
        Assert.NotEmpty(bobSpy.LoadedSessions);
        Assert.NotEmpty(aliceSpy.LoadedRootKeys);
        AssertDisposedOrStored(aliceSpy, bob.Address);
        AssertDisposedOrStored(bobSpy, alice.Address);
        Assert.Equal(6, bobSpy.LoadedPreKeys.Count);
        Assert.All(bobSpy.LoadedPreKeys, AssertKeyDisposed);
    }

    [Fact]
    public async Task FailedDecryptsDisposeTheRecordTheyLoaded()
    {
        using var alice = new Party("alice");
        using var bob = new Party("bob");
        var bobSpy = new RecordingStore(bob.Store);
        await EstablishAsync(alice.Store, alice, bob, bobSpy);
        bobSpy.LoadedSessions.Clear();
        bobSpy.LoadedRootKeys.Clear();
        byte[] tampered = (await alice.CipherFor(bob).EncryptAsync(new byte[] { 1 }, Ct)).Serialized;
        tampered[^1] ^= 1;

        await Assert.ThrowsAsync<SignalProtocolException>(
            async () => await new SessionCipher(bobSpy, alice.Address).DecryptAsync(new CiphertextMessage(CiphertextMessageType.Whisper, tampered), Ct));

        AssertDisposed(Assert.Single(bobSpy.LoadedSessions));
        AssertZeroed(Assert.Single(bobSpy.LoadedRootKeys));
    }

    [Fact]
    public async Task LoadedPreKeysAreCopiesTheCallerMayDispose()
    {
        using var bob = new Party("bob");
        await bob.CreateBundleAsync();
        using PreKeyRecord first = (await bob.Store.LoadPreKeyAsync(102, Ct))!;
        PreKeyRecord second = (await bob.Store.LoadPreKeyAsync(102, Ct))!;
        using KyberPreKeyRecord kyber = (await bob.Store.LoadKyberPreKeyAsync(101, Ct))!;
        KyberPreKeyRecord kyberAgain = (await bob.Store.LoadKyberPreKeyAsync(101, Ct))!;

        Assert.NotSame(first, second);
        Assert.NotSame(kyber, kyberAgain);
        second.Dispose();
        kyberAgain.Dispose();

        Assert.Equal(first.Serialize(), (await bob.Store.LoadPreKeyAsync(102, Ct))!.Serialize());
        Assert.Equal(kyber.Serialize(), (await bob.Store.LoadKyberPreKeyAsync(101, Ct))!.Serialize());
        Assert.Throws<ObjectDisposedException>(() => second.Serialize());
    }

    private static async Task EstablishAsync(ISignalProtocolStore aliceStore, Party alice, Party bob, ISignalProtocolStore? bobStore = null)
    {
        await new SessionBuilder(aliceStore, bob.Address).ProcessPreKeyBundleAsync(await bob.CreateBundleAsync(), Ct);
        await AssertRoundTripAsync(aliceStore, alice, bob, bobStore);
    }

    private static async Task AssertRoundTripAsync(ISignalProtocolStore aliceStore, Party alice, Party bob, ISignalProtocolStore? bobStore = null)
    {
        var a = new SessionCipher(aliceStore, bob.Address);
        var b = new SessionCipher(bobStore ?? bob.Store, alice.Address);
        Assert.Equal(new byte[] { 1 }, await b.DecryptAsync(await a.EncryptAsync(new byte[] { 1 }, Ct), Ct));
        Assert.Equal(new byte[] { 2 }, await a.DecryptAsync(await b.EncryptAsync(new byte[] { 2 }, Ct), Ct));
    }

    private static bool IsZero(ReadOnlySpan<byte> s) => s.IndexOfAnyExcept((byte)0) < 0;

    /// <summary>Every record <paramref name="spy"/> handed out is either the one its store now holds or disposed, with its root key zeroed.</summary>
    private static void AssertDisposedOrStored(RecordingStore spy, ProtocolAddress address)
    {
        SessionRecord? stored = spy.Inner.StoredSession(address);
        RatchetSecret? storedRoot = stored?.Current?.RootKey;
        Assert.All(spy.LoadedSessions.Where(r => !ReferenceEquals(r, stored)), AssertDisposed);
        Assert.All(spy.LoadedRootKeys.Where(k => !ReferenceEquals(k, storedRoot)), AssertZeroed);
    }

    /// <summary>A disposed record is empty.</summary>
    private static void AssertDisposed(SessionRecord record)
    {
        Assert.False(record.HasCurrentState);
        Assert.Equal(0, record.ArchivedStateCount);
    }

    /// <summary>A disposed handle has been zeroed and refuses access.</summary>
    private static void AssertZeroed(RatchetSecret key) => Assert.Throws<ObjectDisposedException>(() => key.Span.Length);

    private static void AssertKeyDisposed(IDisposable record) =>
        Assert.Throws<ObjectDisposedException>(() => record switch
        {
            PreKeyRecord r => r.Serialize(),
            SignedPreKeyRecord r => r.Serialize(),
            KyberPreKeyRecord r => r.Serialize(),
            _ => throw new InvalidOperationException("unexpected record " + record.GetType()),
        });
}
