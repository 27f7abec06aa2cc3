using System;
using System.Threading.Tasks;
using WotId.Node.Messaging;
using WotId.Node.Storage;
using WotId.Tsp.Messages;
using NodeProfile = WotId.Node.Profile.Profile;

namespace WotId.Node.Tests.Messaging;

/// <summary>Two real profiles on disk, Alice and Bob, each the other's contact, with a sealer each; reopenable.</summary>
internal sealed class MessagingPair : IDisposable
{
    private readonly TestProfiles _profiles = new();

    private MessagingPair()
    {
    }

    internal NodeProfile Alice { get; private set; } = null!;

    internal NodeProfile Bob { get; private set; } = null!;

    internal MessageSealer AliceSealer { get; private set; } = null!;

    internal MessageSealer BobSealer { get; private set; } = null!;

    /// <summary>Bob as Alice's contact (read fresh).</summary>
    internal Contact BobAtAlice => Alice.Contacts.GetByName("bob")!;

    /// <summary>Alice as Bob's contact (read fresh).</summary>
    internal Contact AliceAtBob => Bob.Contacts.GetByName("alice")!;

    internal TestProfiles Profiles => _profiles;

    /// <summary>Creates both profiles and contacts; with <paramref name="session"/>, Alice starts a session from Bob's bundle.</summary>
    internal static async Task<MessagingPair> CreateAsync(bool session = true)
    {
        var pair = new MessagingPair();
        pair.Alice = await pair._profiles.CreateAsync("alice", mailbox: false);
        pair.Bob = await pair._profiles.CreateAsync("bob", mailbox: false);
        pair.Alice.Contacts.Add("bob", pair.Bob.Did, pair.Bob.PeerIdentity.PeerId.ToString(), []);
        pair.Bob.Contacts.Add("alice", pair.Alice.Did, pair.Alice.PeerIdentity.PeerId.ToString(), []);
        pair.AliceSealer = new MessageSealer(pair.Alice);
        pair.BobSealer = new MessageSealer(pair.Bob);
        if (session)
        {
            Assert.True(await pair.AliceSealer.EnsureSessionAsync(pair.BobAtAlice, await pair.Bob.PreKeys.CreateBundleAsync(TestProfiles.Ct), TestProfiles.Ct));
        }

        return pair;
    }

    /// <summary>Closes both profiles and opens them again from disk (a restart of both nodes).</summary>
    internal async Task ReopenAsync()
    {
        Alice.Dispose();
        Bob.Dispose();
        Alice = await _profiles.OpenAsync("alice");
        Bob = await _profiles.OpenAsync("bob");
        AliceSealer = new MessageSealer(Alice);
        BobSealer = new MessageSealer(Bob);
    }

    internal static WotMessage Chat(string text, string? id = null) =>
        WotMessage.Create(WotMessageTypes.ChatText, new { content = text }, id: id);

    internal static WotMessage Receipt(string type, params string[] ids) =>
        WotMessage.Create(type, new { message_ids = ids });

    /// <summary>The sealed envelope stored in <paramref name="profile"/>'s outbox for <paramref name="messageId"/>.</summary>
    internal static byte[] Envelope(NodeProfile profile, string messageId) => profile.Messages.GetOutgoing(messageId)!.Envelope;

    public void Dispose()
    {
        Alice?.Dispose();
        Bob?.Dispose();
        _profiles.Dispose();
    }
}
