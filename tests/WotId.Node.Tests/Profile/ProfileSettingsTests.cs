using System;
using System.IO;
using System.Threading.Tasks;
using WotId.Node.Profile;
using NodeProfile = WotId.Node.Profile.Profile;

namespace WotId.Node.Tests.Profile;

/// <summary>Listen addresses and the shared embedded mailbox file recorded in a profile.</summary>
public sealed class ProfileSettingsTests
{
    [Fact]
    public async Task PortZeroBecomesAFixedFreePortThatSurvivesReopening()
    {
        using var t = new TestProfiles();
        string[] listen;
        using (NodeProfile p = await t.CreateAsync("alice"))
        {
            listen = [.. p.ListenAddresses];
        }

        Assert.Single(listen);
        Assert.StartsWith("/ip4/127.0.0.1/tcp/", listen[0], StringComparison.Ordinal);
        Assert.NotEqual("/ip4/127.0.0.1/tcp/0", listen[0]);
        Assert.InRange(int.Parse(listen[0]["/ip4/127.0.0.1/tcp/".Length..], System.Globalization.CultureInfo.InvariantCulture), 1, 65535);
        using NodeProfile q = await t.OpenAsync("alice");
        Assert.Equal(listen, q.ListenAddresses);
    }

    [Fact]
    public async Task ListenAddressesCanBeReplacedAndBadOnesAreRefused()
    {
        using var t = new TestProfiles();
        using NodeProfile p = await t.CreateAsync("alice");
        p.SetListenAddresses(["/ip4/127.0.0.1/tcp/4567", "/ip6/::1/tcp/0"]);
        Assert.Equal("/ip4/127.0.0.1/tcp/4567", p.ListenAddresses[0]);
        Assert.StartsWith("/ip6/::1/tcp/", p.ListenAddresses[1], StringComparison.Ordinal);
        Assert.NotEqual("/ip6/::1/tcp/0", p.ListenAddresses[1]);
        Assert.Equal(ProfileError.InvalidInput, Assert.Throws<ProfileException>(() => p.SetListenAddresses(["not a multiaddr"])).Error);
        Assert.Equal(ProfileError.InvalidInput, Assert.Throws<ProfileException>(() => p.SetListenAddresses([])).Error);
        Assert.Equal(2, p.ListenAddresses.Count);
    }

    [Fact]
    public async Task ProfilesNamingOneMailboxFileShareItAcrossReopening()
    {
        using var t = new TestProfiles();
        string shared = Path.Combine(t.Root, "shared-mailbox.db");
        using NodeProfile alice = await NodeProfile.CreateAsync(t.Home("alice"), "alice", TestProfiles.Passphrase, SharedMailbox(shared), TestProfiles.Ct);
        using NodeProfile bob = await NodeProfile.CreateAsync(t.Home("bob"), "bob", TestProfiles.Passphrase, SharedMailbox(shared), TestProfiles.Ct);
        Assert.Equal(shared, alice.Mailbox!.DatabasePath);
        Assert.Equal(shared, bob.Mailbox!.DatabasePath);
        Assert.NotEqual(alice.Mailbox.Handle, bob.Mailbox.Handle);
        Assert.False(File.Exists(Path.Combine(t.Home("alice"), "mailbox", "mailbox.db")));
        using NodeProfile again = await NodeProfile.OpenAsync(t.Home("alice"), TestProfiles.Passphrase, TestProfiles.FastOptions(), TestProfiles.Ct);
        Assert.Equal(shared, again.Mailbox!.DatabasePath);
        Assert.Equal(alice.Mailbox.Handle, again.Mailbox.Handle);
    }

    private static ProfileOptions SharedMailbox(string path) => new()
    {
        MailboxDatabasePath = path,
        Kdf = TestProfiles.FastOptions().Kdf,
        PreKeys = TestProfiles.FastOptions().PreKeys,
    };
}
