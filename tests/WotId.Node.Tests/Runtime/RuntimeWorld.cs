using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using WotId.Identity;
using WotId.Identity.Issuing;
using WotId.Identity.Keys;
using WotId.Identity.Status;
using WotId.Libp2p.Host;
using WotId.Node.Api;
using WotId.Node.Runtime;
using NodeProfile = WotId.Node.Profile.Profile;

namespace WotId.Node.Tests.Runtime;

/// <summary>
/// Real profiles in a temporary folder sharing one embedded mailbox file, credentials from a test issuer whose status
/// list is served from memory, and nodes on 127.0.0.1 with short loop intervals.
/// </summary>
internal sealed class RuntimeWorld : IDisposable
{
    internal const string ListUrl = "https://status.test.wot.id/lists/runtime";
    private readonly TestProfiles _profiles = new();

    internal RuntimeWorld()
    {
        IssuerKey = SigningKey.Generate(KeyAlgorithm.MLDsa65);
        Issuer = new CredentialIssuer(IssuerKey, new IssuerState(ListUrl));
        OtherIssuerKey = SigningKey.Generate(KeyAlgorithm.MLDsa65);
        OtherIssuer = new CredentialIssuer(OtherIssuerKey, new IssuerState(ListUrl + "/other"));
        Publish();
    }

    internal SigningKey IssuerKey { get; }

    internal CredentialIssuer Issuer { get; }

    /// <summary>An issuer nobody trusts.</summary>
    internal SigningKey OtherIssuerKey { get; }

    internal CredentialIssuer OtherIssuer { get; }

    internal LocalStatusListCache StatusLists { get; } = new();

    internal string SharedMailbox => Path.Combine(_profiles.Root, "shared-mailbox.db");

    internal NodeOptions Options => new()
    {
        ListenAddresses = null,
        StatusLists = StatusLists,
        DirectDeliveryTimeout = TimeSpan.FromSeconds(10),
        MailboxPollInterval = TimeSpan.FromMilliseconds(300),
        OutboxRetryInterval = TimeSpan.FromSeconds(1),
    };

    /// <summary><see cref="Options"/> with a fault-point callback (tests that act at a named step of the node).</summary>
    internal NodeOptions OptionsWithFaultPoint(Action<string> faultPoint)
    {
        NodeOptions defaults = Options;
        return new NodeOptions
        {
            ListenAddresses = defaults.ListenAddresses,
            StatusLists = defaults.StatusLists,
            DirectDeliveryTimeout = defaults.DirectDeliveryTimeout,
            MailboxPollInterval = defaults.MailboxPollInterval,
            OutboxRetryInterval = defaults.OutboxRetryInterval,
            FaultPoint = faultPoint,
        };
    }

    /// <summary>Publishes both issuers' current status lists.</summary>
    internal void Publish()
    {
        StatusLists.Put(Issuer.State.StatusListUrl, Issuer.IssueStatusListCredential());
        StatusLists.Put(OtherIssuer.State.StatusListUrl, OtherIssuer.IssueStatusListCredential());
    }

    /// <summary>A new profile trusting <see cref="Issuer"/>, with a credential (by <paramref name="issuer"/>); returns it and its credential id.</summary>
    internal async Task<(NodeProfile Profile, string CredentialId)> CreateAsync(string name, CredentialIssuer? issuer = null, bool mailbox = true)
    {
        var options = TestProfiles.FastOptions();
        options = new WotId.Node.Profile.ProfileOptions
        {
            MailboxDatabasePath = SharedMailbox,
            CreateEmbeddedMailbox = mailbox,
            Kdf = options.Kdf,
            PreKeys = options.PreKeys,
        };
        NodeProfile profile = await NodeProfile.CreateAsync(_profiles.Home(name), name, TestProfiles.Passphrase, options, TestProfiles.Ct);
        IssuedCredential credential = (issuer ?? Issuer).IssueVerifiedHuman(profile.Did, TimeSpan.FromDays(30));
        profile.SetCredential(credential.Jws);
        profile.TrustIssuer(Issuer.Did);
        return (profile, credential.Id);
    }

    internal Task<NodeProfile> OpenAsync(string name) => _profiles.OpenAsync(name);

    internal Task<WotIdNode> StartAsync(NodeProfile profile) => WotIdNode.StartAsync(profile, Options, TestProfiles.Ct);

    /// <summary>Makes two running nodes contacts of each other through their invitations.</summary>
    internal static async Task IntroduceAsync(IWotIdNode a, string nameOfBAtA, IWotIdNode b, string nameOfAAtB)
    {
        await a.AddContactAsync(await b.CreateInvitationAsync(TestProfiles.Ct), nameOfBAtA, TestProfiles.Ct);
        await b.AddContactAsync(await a.CreateInvitationAsync(TestProfiles.Ct), nameOfAAtB, TestProfiles.Ct);
    }

    /// <summary>Creates alice and bob, starts both with the default options and makes them contacts ("bob", "alice").</summary>
    internal async Task<(WotIdNode Alice, WotIdNode Bob)> StartIntroducedPairAsync()
    {
        (NodeProfile alicePro, _) = await CreateAsync("alice");
        (NodeProfile bobPro, _) = await CreateAsync("bob");
        WotIdNode alice = await StartAsync(alicePro);
        WotIdNode bob = await StartAsync(bobPro);
        await IntroduceAsync(alice, "bob", bob, "alice");
        return (alice, bob);
    }

    /// <summary>Closes every connection of <paramref name="from"/> to <paramref name="to"/>.</summary>
    internal static async Task CloseConnectionsAsync(WotIdNode from, WotIdNode to)
    {
        foreach (Libp2pConnection c in from.Host.Connections.Where(c => c.RemotePeer == to.Host.PeerId).ToList())
        {
            await c.CloseAsync("test");
        }
    }

    public void Dispose()
    {
        IssuerKey.Dispose();
        OtherIssuerKey.Dispose();
        _profiles.Dispose();
    }
}
