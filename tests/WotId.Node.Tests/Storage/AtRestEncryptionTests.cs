using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using CsCheck;
using WotId.Node.Profile;
using WotId.Node.Storage;
using WotId.Signal;
using WotId.Signal.Keys;
using NodeProfile = WotId.Node.Profile.Profile;

namespace WotId.Node.Tests.Storage;

/// <summary>A copied database file reveals no key, no passphrase and no message; sealed values are bound to their cell.</summary>
public sealed class AtRestEncryptionTests
{
    [Fact]
    public async Task DatabaseAndWalFilesContainNoKeyPassphraseOrMessage()
    {
        using var t = new TestProfiles();
        var secrets = new List<(string What, byte[] Bytes)>();
        string path;
        using (NodeProfile p = await t.CreateAsync("alice"))
        {
            path = p.DatabasePath;
            byte[] libp2p = p.PeerIdentity.ExportPrivateKeyProtobuf();
            secrets.Add(("libp2p seed", libp2p[4..36]));
            byte[] seed = new byte[32];
            p.SigningKey.ExportSeed(seed);
            secrets.Add(("ML-DSA seed", seed));
            IdentityKeyPair identity = await p.SignalStore.GetIdentityKeyPairAsync(TestProfiles.Ct);
            secrets.Add(("Signal identity private key", identity.Serialize()[^32..]));
            using (PreKeyRecord? opk = await p.SignalStore.LoadPreKeyAsync((await p.PreKeys.CreateBundleAsync(TestProfiles.Ct)).PreKeyId!.Value, TestProfiles.Ct))
            {
                secrets.Add(("one-time prekey private key", opk!.Serialize()[^32..]));
            }

            using (var account = p.OpenMailboxAccount())
            {
                secrets.Add(("mailbox account key", Encoding.UTF8.GetBytes(account!.ExportPrivateKey())));
            }

            secrets.Add(("passphrase", Encoding.UTF8.GetBytes(TestProfiles.Passphrase)));
            byte[] body = Encoding.UTF8.GetBytes("meet me at the old mill at noon, bring the second key");
            byte[] envelope = Encoding.UTF8.GetBytes("outgoing envelope plaintext: the vault code is 4711-0815");
            byte[] credential = Encoding.UTF8.GetBytes("eyJhbGciOiJNTC1EU0EtNjUifQ.eyJzdWIiOiJkaWQ6a2V5OnpBbGljZSJ9.c2lnbmF0dXJl");
            secrets.Add(("message body", body));
            secrets.Add(("envelope", envelope));
            secrets.Add(("credential", credential));
            p.SetCredential(Encoding.UTF8.GetString(credential));
            Contact bob = p.Contacts.Add("bob", "did:key:zBob", "12D3KooWBob", []);
            Assert.True(p.Messages.Receive(bob.Id, "m-1", body, "direct"));
            p.Messages.Enqueue("m-2", bob.Id, envelope);
            Assert.True(File.Exists(path + "-wal"));
            AssertAbsent(secrets, path, path + "-wal");
        }

        AssertAbsent(secrets, path, path + "-wal");
    }

    [Fact]
    public async Task SealedValueMovedToAnotherRowOrColumnDoesNotOpen()
    {
        using var t = new TestProfiles();
        using NodeProfile p = await t.CreateAsync("alice", mailbox: false);
        AtRestKey k = p.Database.Key;
        byte[] sealedValue = k.Seal("inbox", "body", "1/m-1", "hello"u8);
        Assert.Equal("hello"u8.ToArray(), k.Open("inbox", "body", "1/m-1", sealedValue));
        foreach ((string table, string column, string row) in new[] { ("inbox", "body", "1/m-2"), ("inbox", "via", "1/m-1"), ("outbox", "body", "1/m-1"), ("inbox", "body", "2/m-1") })
        {
            var e = Assert.Throws<ProfileException>(() => k.Open(table, column, row, sealedValue));
            Assert.Equal(ProfileError.Corrupt, e.Error);
        }
    }

    [Fact]
    public async Task SealOpenRoundTripsAndEveryChangedByteFailsToOpen()
    {
        using var t = new TestProfiles();
        using NodeProfile p = await t.CreateAsync("alice", mailbox: false);
        AtRestKey k = p.Database.Key;
        Gen.Select(Gen.Byte.Array[0, 300], Gen.Int.Positive, Gen.Byte[1, 255]).Sample((plain, where, mask) =>
        {
            byte[] s = k.Seal("t", "c", "r", plain);
            Assert.Equal(AtRestKey.Overhead + plain.Length, s.Length);
            Assert.Equal(plain, k.Open("t", "c", "r", s));
            s[where % s.Length] ^= mask;
            Assert.Equal(ProfileError.Corrupt, Assert.Throws<ProfileException>(() => k.Open("t", "c", "r", s)).Error);
        }, iter: 300);
    }

    [Fact]
    public async Task GarbageNeverOpensAndFailsOnlyWithCorrupt()
    {
        using var t = new TestProfiles();
        using NodeProfile p = await t.CreateAsync("alice", mailbox: false);
        AtRestKey k = p.Database.Key;
        Gen.Byte.Array[0, 200].Sample(garbage =>
        {
            var e = Assert.Throws<ProfileException>(() => k.Open("profile", "value", "x", garbage));
            Assert.Equal(ProfileError.Corrupt, e.Error);
        }, iter: 1000);
    }

    [Fact]
    public async Task OversizedValuesAreRefusedBothWays()
    {
        using var t = new TestProfiles();
        using NodeProfile p = await t.CreateAsync("alice", mailbox: false);
        AtRestKey k = p.Database.Key;
        byte[] big = new byte[AtRestKey.MaxSealedLength - AtRestKey.Overhead + 1];
        Assert.Equal(ProfileError.InvalidInput, Assert.Throws<ProfileException>(() => k.Seal("t", "c", "r", big)).Error);
        Assert.Equal(AtRestKey.MaxSealedLength, k.Seal("t", "c", "r", big.AsSpan(1)).Length);
        Assert.Equal(ProfileError.Corrupt, Assert.Throws<ProfileException>(() => k.Open("t", "c", "r", new byte[AtRestKey.MaxSealedLength + 1])).Error);
    }

    [Fact]
    public void DisposedKeyRefusesToWork()
    {
        AtRestKey k = AtRestKey.Derive("pass", new byte[AtRestKey.SaltSize], new KdfParameters(64, 1, 1));
        byte[] s = k.Seal("t", "c", "r", [1, 2, 3]);
        k.Dispose();
        Assert.Throws<ObjectDisposedException>(() => k.Open("t", "c", "r", s));
        Assert.Equal("AtRestKey", k.ToString());
    }

    private static void AssertAbsent(List<(string What, byte[] Bytes)> secrets, params string[] files)
    {
        foreach (string f in files.Where(File.Exists))
        {
            byte[] raw = ReadShared(f);
            foreach ((string what, byte[] bytes) in secrets)
            {
                Assert.True(raw.AsSpan().IndexOf(bytes) < 0, what + " found in " + Path.GetFileName(f));
                Assert.True(raw.AsSpan().IndexOf(bytes.AsSpan(0, 16)) < 0, "first 16 bytes of " + what + " found in " + Path.GetFileName(f));
            }
        }
    }

    private static byte[] ReadShared(string path)
    {
        using var s = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var m = new MemoryStream();
        s.CopyTo(m);
        return m.ToArray();
    }
}
