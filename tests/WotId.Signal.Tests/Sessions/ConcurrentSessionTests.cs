using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using WotId.Signal.Keys;
using WotId.Signal.Protocol;
using WotId.Signal.Tests.Support;

namespace WotId.Signal.Tests.Sessions;

/// <summary>
/// Several tasks use one address at once through the public API (<see cref="SessionCipher"/>, <see cref="SessionBuilder"/>)
/// with the in-memory stores. Every message must decrypt exactly once with its own plaintext, no (ratchet key, counter)
/// pair may be used twice (the same message keys for different plaintexts), and the sessions must stay usable.
/// </summary>
public sealed class ConcurrentSessionTests
{
    private const int Tasks = 4;
    private const int PerTask = 150;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ConcurrentEncryptsToOneAddressUseEveryCounterOnce()
    {
        using var alice = new Party("alice");
        using var bob = new Party("bob");
        await EstablishAsync(alice, bob);

        List<(string Text, CiphertextMessage Message)> sent = await EncryptConcurrentlyAsync(alice, bob, "a");

        AssertNoCounterReused(sent.Select(s => s.Message));
        await AssertEachDecryptsOnceAsync(bob.CipherFor(alice), sent);
        await AssertStillUsableAsync(alice, bob);
    }

    [Fact]
    public async Task ConcurrentDecryptsFromOneAddressDeliverEveryMessageExactlyOnce()
    {
        using var alice = new Party("alice");
        using var bob = new Party("bob");
        await EstablishAsync(alice, bob);
        SessionCipher a = alice.CipherFor(bob);
        var sent = new List<(string Text, CiphertextMessage Message)>();
        for (int i = 0; i < Tasks * PerTask / 2; i++)
        {
            string text = "m" + i;
            sent.Add((text, await a.EncryptAsync(Encoding.UTF8.GetBytes(text), Ct)));
        }

        // Every message is handed to two tasks (in different orders): one must decrypt it, the other must see a duplicate.
        var delivered = new ConcurrentDictionary<string, int>();
        var duplicates = new ConcurrentBag<string>();
        var workers = new Task[Tasks];
        for (int t = 0; t < Tasks; t++)
        {
            int half = t % 2;
            List<(string Text, CiphertextMessage Message)> mine = sent.Where((_, i) => i % 2 == half).ToList();
            if (t >= 2)
            {
                mine.Reverse();
            }

            workers[t] = Task.Run(
                async () =>
                {
                    SessionCipher b = bob.CipherFor(alice);
                    foreach ((string text, CiphertextMessage message) in mine)
                    {
                        try
                        {
                            byte[] plaintext = await b.DecryptAsync(message, Ct);
                            Assert.Equal(text, Encoding.UTF8.GetString(plaintext));
                            delivered.AddOrUpdate(text, 1, (_, n) => n + 1);
                        }
                        catch (SignalProtocolException e) when (e.Error == SignalError.DuplicatedMessage)
                        {
                            duplicates.Add(text);
                        }
                    }
                },
                Ct);
        }

        await Task.WhenAll(workers);

        Assert.Equal(sent.Count, delivered.Count);
        Assert.All(delivered.Values, n => Assert.Equal(1, n));
        Assert.Equal(sent.Select(s => s.Text).Order(), duplicates.Order());
        await AssertStillUsableAsync(alice, bob);
    }

    [Fact]
    public async Task ConcurrentEncryptsAndDecryptsOnOneAddressKeepBothSidesConsistent()
    {
        using var alice = new Party("alice");
        using var bob = new Party("bob");
        await EstablishAsync(alice, bob);

        // Bob's messages make Alice take a DH ratchet step while her own encrypts run.
        SessionCipher b = bob.CipherFor(alice);
        var fromBob = new List<(string Text, CiphertextMessage Message)>();
        for (int i = 0; i < PerTask * 2; i++)
        {
            string text = "b" + i;
            fromBob.Add((text, await b.EncryptAsync(Encoding.UTF8.GetBytes(text), Ct)));
        }

        Task<List<(string, CiphertextMessage)>> encrypts = EncryptConcurrentlyAsync(alice, bob, "a", Tasks / 2);
        Task decrypts = Task.WhenAll(Enumerable.Range(0, Tasks / 2).Select(t => Task.Run(
            async () =>
            {
                SessionCipher a = alice.CipherFor(bob);
                foreach ((string text, CiphertextMessage message) in fromBob.Where((_, i) => i % 2 == t))
                {
                    Assert.Equal(text, Encoding.UTF8.GetString(await a.DecryptAsync(message, Ct)));
                }
            },
            Ct)));
        await Task.WhenAll(encrypts, decrypts);
        List<(string Text, CiphertextMessage Message)> fromAlice = await encrypts;

        AssertNoCounterReused(fromAlice.Select(s => s.Message));
        await AssertEachDecryptsOnceAsync(b, fromAlice);
        await AssertStillUsableAsync(alice, bob);
    }

    [Fact]
    public async Task NewSessionsFromBundlesRacingWithEncryptsLoseNoMessage()
    {
        using var alice = new Party("alice");
        using var bob = new Party("bob");
        await EstablishAsync(alice, bob);
        var bundles = new List<PreKeyBundle>();
        for (int i = 0; i < 3; i++)
        {
            bundles.Add(await bob.CreateBundleAsync());
        }

        Task<List<(string, CiphertextMessage)>> encrypts = EncryptConcurrentlyAsync(alice, bob, "a", Tasks / 2, PerTask / 3);
        Task builds = Task.Run(
            async () =>
            {
                foreach (PreKeyBundle bundle in bundles)
                {
                    await new SessionBuilder(alice.Store, bob.Address).ProcessPreKeyBundleAsync(bundle, Ct);
                }
            },
            Ct);
        await Task.WhenAll(encrypts, builds);
        List<(string Text, CiphertextMessage Message)> sent = await encrypts;

        AssertNoCounterReused(sent.Select(s => s.Message));
        await AssertEachDecryptsOnceAsync(bob.CipherFor(alice), sent);
        await AssertStillUsableAsync(alice, bob);
    }

    /// <summary>A session both sides have acknowledged (Alice's next messages are SignalMessages).</summary>
    private static async Task EstablishAsync(Party alice, Party bob)
    {
        await new SessionBuilder(alice.Store, bob.Address).ProcessPreKeyBundleAsync(await bob.CreateBundleAsync(), Ct);
        await AssertStillUsableAsync(alice, bob);
    }

    private static async Task AssertStillUsableAsync(Party alice, Party bob)
    {
        SessionCipher a = alice.CipherFor(bob), b = bob.CipherFor(alice);
        Assert.Equal("ping"u8.ToArray(), await b.DecryptAsync(await a.EncryptAsync("ping"u8.ToArray(), Ct), Ct));
        Assert.Equal("pong"u8.ToArray(), await a.DecryptAsync(await b.EncryptAsync("pong"u8.ToArray(), Ct), Ct));
        Assert.Equal("again"u8.ToArray(), await b.DecryptAsync(await a.EncryptAsync("again"u8.ToArray(), Ct), Ct));
    }

    /// <summary>Tasks, each with its own cipher for the same address, encrypt distinct plaintexts at the same time.</summary>
    private static async Task<List<(string Text, CiphertextMessage Message)>> EncryptConcurrentlyAsync(
        Party from, Party to, string prefix, int tasks = Tasks, int perTask = PerTask)
    {
        var sent = new ConcurrentQueue<(string, CiphertextMessage)>();
        await Task.WhenAll(Enumerable.Range(0, tasks).Select(t => Task.Run(
            async () =>
            {
                SessionCipher cipher = from.CipherFor(to);
                for (int i = 0; i < perTask; i++)
                {
                    string text = prefix + t + "-" + i;
                    sent.Enqueue((text, await cipher.EncryptAsync(Encoding.UTF8.GetBytes(text), Ct)));
                }
            },
            Ct)));
        return [.. sent];
    }

    /// <summary>Reads the ratchet key and counter off the wire: the pair names the message keys, so it must be unique.</summary>
    private static void AssertNoCounterReused(IEnumerable<CiphertextMessage> messages)
    {
        var seen = new HashSet<(string RatchetKey, uint Counter)>();
        var reused = new List<(string, uint)>();
        foreach (CiphertextMessage m in messages)
        {
            SignalMessage inner = m.Type == CiphertextMessageType.PreKey
                ? PreKeySignalMessage.Deserialize(m.Serialized).Message
                : SignalMessage.Deserialize(m.Serialized);
            (string, uint) key = (Convert.ToHexString(inner.SenderRatchetKey.SerializedSpan), inner.Counter);
            if (!seen.Add(key))
            {
                reused.Add(key);
            }
        }

        Assert.Empty(reused);
    }

    private static async Task AssertEachDecryptsOnceAsync(SessionCipher receiver, List<(string Text, CiphertextMessage Message)> sent)
    {
        foreach ((string text, CiphertextMessage message) in sent)
        {
            Assert.Equal(text, Encoding.UTF8.GetString(await receiver.DecryptAsync(message, Ct)));
        }

        foreach ((_, CiphertextMessage message) in sent.Take(5))
        {
            var e = await Assert.ThrowsAsync<SignalProtocolException>(async () => await receiver.DecryptAsync(message, Ct));
            Assert.Equal(SignalError.DuplicatedMessage, e.Error);
        }
    }
}
