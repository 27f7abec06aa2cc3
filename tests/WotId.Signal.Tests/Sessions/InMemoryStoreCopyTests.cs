// The in-memory store copies prekey records handle by handle instead of through their storage form (issue 15): a
// loaded copy must still equal a fresh parse of the stored record byte for byte, own its secret, and keep working when
// the store's record (or another copy) is disposed.
using System;
using System.Threading;
using System.Threading.Tasks;
using WotId.Signal.Keys;
using WotId.Signal.Stores;

namespace WotId.Signal.Tests.Sessions;

public sealed class InMemoryStoreCopyTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task LoadedPrekeyRecordsEqualAFreshParseOfTheStoredOnes()
    {
        using var store = new InMemorySignalProtocolStore(IdentityKeyPair.Generate(), 7);
        IdentityKeyPair identity = await store.GetIdentityKeyPairAsync(Ct);
        using var opk = PreKeyRecord.Generate(3);
        using var spk = SignedPreKeyRecord.Generate(identity, 1, 1234);
        using var kyber = KyberPreKeyRecord.Generate(identity, 2, 5678, isLastResort: true);
        await store.StorePreKeyAsync(3, opk, Ct);
        await store.StoreSignedPreKeyAsync(1, spk, Ct);
        await store.StoreKyberPreKeyAsync(2, kyber, Ct);

        using PreKeyRecord loadedOpk = (await store.LoadPreKeyAsync(3, Ct))!;
        using SignedPreKeyRecord loadedSpk = (await store.LoadSignedPreKeyAsync(1, Ct))!;
        using KyberPreKeyRecord loadedKyber = (await store.LoadKyberPreKeyAsync(2, Ct))!;
        using PreKeyRecord parsedOpk = PreKeyRecord.Deserialize(opk.Serialize());
        using SignedPreKeyRecord parsedSpk = SignedPreKeyRecord.Deserialize(spk.Serialize());
        using KyberPreKeyRecord parsedKyber = KyberPreKeyRecord.Deserialize(kyber.Serialize());

        Assert.Equal(parsedOpk.Serialize(), loadedOpk.Serialize());
        Assert.Equal(parsedSpk.Serialize(), loadedSpk.Serialize());
        Assert.Equal(parsedKyber.Serialize(), loadedKyber.Serialize());
        Assert.NotSame(kyber.Signature, loadedKyber.Signature);
        Assert.NotSame(spk.Signature, loadedSpk.Signature);
    }

    [Fact]
    public async Task ALoadedCopyKeepsWorkingAfterTheStoredRecordIsDisposed()
    {
        using var store = new InMemorySignalProtocolStore(IdentityKeyPair.Generate(), 7);
        IdentityKeyPair identity = await store.GetIdentityKeyPairAsync(Ct);
        using var opk = PreKeyRecord.Generate(3);
        using var kyber = KyberPreKeyRecord.Generate(identity, 2, 0);
        await store.StorePreKeyAsync(3, opk, Ct);
        await store.StoreKyberPreKeyAsync(2, kyber, Ct);
        PreKeyRecord first = (await store.LoadPreKeyAsync(3, Ct))!;
        using PreKeyRecord second = (await store.LoadPreKeyAsync(3, Ct))!;
        using KyberPreKeyRecord loadedKyber = (await store.LoadKyberPreKeyAsync(2, Ct))!;

        // Removing disposes the store's own records; a used one-time Kyber key is removed the same way.
        await store.RemovePreKeyAsync(3, Ct);
        await store.MarkKyberPreKeyUsedAsync(2, 1, identity.PublicKey, Ct);
        first.Dispose();

        using EcKeyPair peer = EcKeyPair.Generate();
        byte[] ours = new byte[32], theirs = new byte[32];
        second.KeyPair.Agree(peer.PublicKey, ours);
        peer.Agree(second.KeyPair.PublicKey, theirs);
        Assert.Equal(theirs, ours);
        Assert.Throws<ObjectDisposedException>(() => first.KeyPair.Agree(peer.PublicKey, ours));

        byte[] sent = new byte[32];
        byte[] ciphertext = loadedKyber.KeyPair.PublicKey.Encapsulate(sent);
        byte[] received = new byte[32];
        loadedKyber.KeyPair.Decapsulate(ciphertext, received);
        Assert.Equal(sent, received);
    }
}
