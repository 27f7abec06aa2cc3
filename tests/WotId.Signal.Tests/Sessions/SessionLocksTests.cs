using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using WotId.Signal.Keys;
using WotId.Signal.Protocol;
using WotId.Signal.Stores;
using WotId.Signal.Tests.Support;

namespace WotId.Signal.Tests.Sessions;

/// <summary>The per-address locks behind <see cref="SessionCipher"/> and <see cref="SessionBuilder"/>: one operation per address, parallel across addresses, bounded table.</summary>
public sealed class SessionLocksTests
{
    private static readonly ProtocolAddress s_a = new("a", 1);
    private static readonly ProtocolAddress s_b = new("b", 1);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task OneAddressWaitsWhileAnotherAddressProceeds()
    {
        using var store = new InMemorySignalProtocolStore(IdentityKeyPair.Generate(), 1);
        SessionLocks locks = SessionLocks.For(store);
        SessionLocks.Releaser first = await locks.AcquireAsync(s_a, Ct);

        ValueTask<SessionLocks.Releaser> sameAddress = locks.AcquireAsync(new ProtocolAddress("a", 1), Ct);
        ValueTask<SessionLocks.Releaser> otherAddress = locks.AcquireAsync(s_b, Ct);

        Assert.False(sameAddress.IsCompleted);
        Assert.True(otherAddress.IsCompletedSuccessfully);
        Assert.Equal(2, locks.ActiveAddresses);
        (await otherAddress).Dispose();
        first.Dispose();
        (await sameAddress).Dispose();
        Assert.Equal(0, locks.ActiveAddresses);
    }

    [Fact]
    public async Task CancelledWaitLeavesNoEntryBehind()
    {
        using var store = new InMemorySignalProtocolStore(IdentityKeyPair.Generate(), 1);
        SessionLocks locks = SessionLocks.For(store);
        SessionLocks.Releaser held = await locks.AcquireAsync(s_a, Ct);
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        ValueTask<SessionLocks.Releaser> waiting = locks.AcquireAsync(s_a, cts.Token);

        cts.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await waiting);
        held.Dispose();
        Assert.Equal(0, locks.ActiveAddresses);
        ValueTask<SessionLocks.Releaser> again = locks.AcquireAsync(s_a, Ct);
        Assert.True(again.IsCompletedSuccessfully);
        (await again).Dispose();
    }

    [Fact]
    public async Task TheTableHoldsOnlyAddressesInUse()
    {
        using var store = new InMemorySignalProtocolStore(IdentityKeyPair.Generate(), 1);
        SessionLocks locks = SessionLocks.For(store);
        for (int i = 0; i < 1_000; i++)
        {
            (await locks.AcquireAsync(new ProtocolAddress("peer" + i, 1), Ct)).Dispose();
        }

        Assert.Equal(0, locks.ActiveAddresses);
        SessionLocks.Releaser[] held = await Task.WhenAll(Enumerable.Range(0, 3).Select(i => locks.AcquireAsync(new ProtocolAddress("held" + i, 1), Ct).AsTask()));
        Assert.Equal(3, locks.ActiveAddresses);
        foreach (SessionLocks.Releaser r in held)
        {
            r.Dispose();
        }

        Assert.Equal(0, locks.ActiveAddresses);
    }

    [Fact]
    public void LocksBelongToTheStoreObject()
    {
        using var one = new InMemorySignalProtocolStore(IdentityKeyPair.Generate(), 1);
        using var two = new InMemorySignalProtocolStore(IdentityKeyPair.Generate(), 1);
        Assert.Same(SessionLocks.For(one), SessionLocks.For(one));
        Assert.NotSame(SessionLocks.For(one), SessionLocks.For(two));
    }

    [Fact]
    public async Task SendersRacingForOneBundleConsumeItsOneTimeKeysOnce()
    {
        using var bob = new Party("bob");
        for (int round = 0; round < 8; round++)
        {
            using var alice = new Party("alice" + round);
            using var carol = new Party("carol" + round);
            PreKeyBundle bundle = await bob.CreateBundleAsync();
            await new SessionBuilder(alice.Store, bob.Address).ProcessPreKeyBundleAsync(bundle, Ct);
            await new SessionBuilder(carol.Store, bob.Address).ProcessPreKeyBundleAsync(bundle, Ct);
            CiphertextMessage fromAlice = await alice.CipherFor(bob).EncryptAsync(new byte[] { 1 }, Ct);
            CiphertextMessage fromCarol = await carol.CipherFor(bob).EncryptAsync(new byte[] { 2 }, Ct);

            Task<byte[]>[] both =
            [
                Task.Run(async () => await bob.CipherFor(alice).DecryptAsync(fromAlice, Ct), Ct),
                Task.Run(async () => await bob.CipherFor(carol).DecryptAsync(fromCarol, Ct), Ct),
            ];
            try
            {
                await Task.WhenAll(both);
            }
            catch (SignalProtocolException)
            {
                // One of the two is expected to fail; both outcomes are checked below.
            }

            Assert.Equal(1, both.Count(t => t.IsCompletedSuccessfully));
            Task<byte[]> failed = both.Single(t => t.IsFaulted);
            SignalProtocolException e = Assert.IsType<SignalProtocolException>(failed.Exception!.InnerException);
            Assert.Equal(SignalError.InvalidKyberPreKeyId, e.Error);
        }
    }
}
