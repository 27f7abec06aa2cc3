// Every endpoint of the control API, driven through ControlApiClient over the real Unix socket (and once over TCP):
// the node receives exactly the arguments the client was given, and the client returns exactly the node's records.
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using WotId.Node.Api;

namespace WotId.Node.Tests.Control;

public sealed class ControlApiRoundTripTests
{
    [Fact]
    public async Task StatusRoundTrips()
    {
        await using ControlApiHarness h = await ControlApiHarness.StartAsync();
        NodeStatus status = await h.Client.GetStatusAsync(ControlApiHarness.Ct);
        AssertStatusEqual(h.Node.Status, status);
        Assert.Equal(["status"], h.Node.Calls);
    }

    [Fact]
    public async Task ContactsRoundTrip()
    {
        await using ControlApiHarness h = await ControlApiHarness.StartAsync();
        IReadOnlyList<ContactSummary> contacts = await h.Client.GetContactsAsync(ControlApiHarness.Ct);
        Assert.Equal(2, contacts.Count);
        AssertContactEqual(h.Node.Bob, contacts[0]);
        Assert.Equal("carol / ß", contacts[1].Name);
        Assert.Null(contacts[1].SafetyNumber);
        Assert.Null(contacts[1].LastVerifiedAt);

        ContactSummary one = await h.Client.GetContactAsync("carol / ß", ControlApiHarness.Ct);
        Assert.Equal("carol / ß", one.Name);
        ContactSummary accepted = await h.Client.AcceptKeyChangeAsync("bob?x#1", ControlApiHarness.Ct);
        Assert.Equal("bob?x#1", accepted.Name);
        Assert.Equal(["contacts", "contact carol / ß", "accept bob?x#1"], h.Node.Calls);
    }

    [Fact]
    public async Task AddContactRoundTripsTheLongestInvitation()
    {
        await using ControlApiHarness h = await ControlApiHarness.StartAsync();
        string invitation = "wotid:" + new string('A', WotId.Node.Invitations.InvitationLimits.MaxUriLength - 6);
        ContactSummary added = await h.Client.AddContactAsync(invitation, "dave", ControlApiHarness.Ct);
        Assert.Equal("dave", added.Name);
        ContactSummary suggested = await h.Client.AddContactAsync("wotid:B", null, ControlApiHarness.Ct);
        Assert.Equal("suggested", suggested.Name);
        Assert.Equal([$"add {invitation.Length} dave", "add 7 <null>"], h.Node.Calls);
    }

    [Fact]
    public async Task InvitationRoundTrips()
    {
        await using ControlApiHarness h = await ControlApiHarness.StartAsync();
        Assert.Equal("wotid:AAAA", await h.Client.CreateInvitationAsync(ControlApiHarness.Ct));
    }

    [Fact]
    public async Task SendRoundTripsTheLongestText()
    {
        await using ControlApiHarness h = await ControlApiHarness.StartAsync();
        // The worst case for the body size: every code unit escaped as \uXXXX by the client's JSON writer.
        string text = new('\u00e9', 16_384);
        SentMessage sent = await h.Client.SendTextAsync("bob", text, ControlApiHarness.Ct);
        Assert.Equal(new SentMessage("m-1", "bob", DeliveryRoutes.Mailbox), sent);
        Assert.Equal($"send bob 16384 {text[..20]}", Assert.Single(h.Node.Calls));
    }

    [Fact]
    public async Task InboxConversationAndReadRoundTrip()
    {
        await using ControlApiHarness h = await ControlApiHarness.StartAsync();
        InboxMessage message = Assert.Single(await h.Client.GetInboxAsync(null, ControlApiHarness.Ct));
        Assert.Equal(new InboxMessage("m-7", "bob", "did:key:z6MkboB", "hi\nthere \"é\" 🙂", DeliveryRoutes.Direct, RecordingNode.Time, RecordingNode.Time.AddSeconds(1), false), message);
        await h.Client.GetInboxAsync("carol & co", ControlApiHarness.Ct);

        IReadOnlyList<ConversationEntry> conversation = await h.Client.GetConversationAsync("bob", 7, ControlApiHarness.Ct);
        Assert.Equal(2, conversation.Count);
        Assert.Equal(new ConversationEntry("m-1", true, "hello", RecordingNode.Time, "delivered", DeliveryRoutes.Mailbox), conversation[0]);
        Assert.Null(conversation[1].Via);

        await h.Client.MarkReadAsync("bob", "m-7", ControlApiHarness.Ct);
        Assert.Equal(["inbox <all>", "inbox carol & co", "conversation bob 7", "read bob m-7"], h.Node.Calls);
    }

    [Fact]
    public async Task EveryEndpointWorksOverTcp()
    {
        await using ControlApiHarness h = await ControlApiHarness.StartAsync(tcp: true);
        Assert.True(h.Server.UsesTcp);
        Assert.Equal("127.0.0.1", h.Server.BaseAddress.Host);
        AssertStatusEqual(h.Node.Status, await h.Client.GetStatusAsync(ControlApiHarness.Ct));
        Assert.Equal(2, (await h.Client.GetContactsAsync(ControlApiHarness.Ct)).Count);
        await h.Client.GetContactAsync("bob", ControlApiHarness.Ct);
        await h.Client.AddContactAsync("wotid:X", "eve", ControlApiHarness.Ct);
        await h.Client.AcceptKeyChangeAsync("eve", ControlApiHarness.Ct);
        await h.Client.CreateInvitationAsync(ControlApiHarness.Ct);
        await h.Client.SendTextAsync("eve", "hi", ControlApiHarness.Ct);
        await h.Client.GetInboxAsync("eve", ControlApiHarness.Ct);
        await h.Client.GetConversationAsync("eve", cancellationToken: ControlApiHarness.Ct);
        await h.Client.MarkReadAsync("eve", "m-9", ControlApiHarness.Ct);
        Assert.Equal(
            ["status", "contacts", "contact bob", "add 7 eve", "accept eve", "invitation", "send eve 2 hi", "inbox eve", "conversation eve 100", "read eve m-9"],
            h.Node.Calls);
    }

    private static void AssertStatusEqual(NodeStatus expected, NodeStatus actual)
    {
        Assert.Equal(expected.Addresses, actual.Addresses);
        Assert.Equal(expected with { Addresses = [] }, actual with { Addresses = [] });
    }

    private static void AssertContactEqual(ContactSummary expected, ContactSummary actual)
    {
        Assert.Equal(expected.Addresses.ToArray(), actual.Addresses.ToArray());
        Assert.Equal(expected with { Addresses = [] }, actual with { Addresses = [] });
    }
}
