// The contact dials in the window of a fresh-bundle redial (docs/node.md "Sessions"): a sender with neither a Signal
// session nor a usable stored bundle closes the contact's connections so that a handshake it initiates hands it the
// contact's current bundle. When the contact dials between that close and the sender's own dial (its outbox loop
// sending a receipt, say), a reused connection would make the sender the handshake responder again: no bundle, the
// whole DirectDeliveryTimeout waited, Unreachable. The sender must dial a connection of its own whatever exists.
using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using WotId.Libp2p.Host;
using WotId.Node.Api;
using WotId.Node.Runtime;
using NodeProfile = WotId.Node.Profile.Profile;

namespace WotId.Node.Tests.Runtime;

public sealed class NodeFreshBundleRaceTests
{
    [Fact]
    public async Task AContactDiallingRightAfterTheCloseForAFreshBundleDoesNotMakeTheSendUnreachable()
    {
        using var world = new RuntimeWorld();
        (NodeProfile alicePro, _) = await world.CreateAsync("alice");
        (NodeProfile bobPro, _) = await world.CreateAsync("bob");
        var race = new ContactDialsInTheWindow();
        await using WotIdNode alice = await WotIdNode.StartAsync(alicePro, race.Options(world), TestProfiles.Ct);
        await using WotIdNode bob = await world.StartAsync(bobPro);
        race.Alice = alice;
        race.Bob = bob;
        await using var bobEvents = new EventRecorder(bob);
        await RuntimeWorld.IntroduceAsync(alice, "bob", bob, "alice");

        // Alice dials: her handshake stores bob's bundle with a one-time prekey; a session built from it spends it.
        SentMessage first = await alice.SendTextAsync("bob", "first", TestProfiles.Ct);
        await bobEvents.WaitAsync(NodeEventKinds.MessageReceived, e => e.MessageId == first.Id);
        await alice.ForgetSessionAsync("bob", TestProfiles.Ct);
        SentMessage second = await alice.SendTextAsync("bob", "second", TestProfiles.Ct);
        await bobEvents.WaitAsync(NodeEventKinds.MessageReceived, e => e.MessageId == second.Id);

        // Lost again with the bundle spent: alice needs a fresh one, and bob dials her right after her close.
        await alice.ForgetSessionAsync("bob", TestProfiles.Ct);
        race.Arm();
        SentMessage third = await alice.SendTextAsync("bob", "third", TestProfiles.Ct);

        Assert.True(race.Dialled, "bob never dialled alice in the window");
        Assert.Equal(DeliveryRoutes.Direct, third.Delivered);
        NodeEvent received = await bobEvents.WaitAsync(NodeEventKinds.MessageReceived, e => e.MessageId == third.Id);
        Assert.Equal("third", received.Text);
        // The bundle came from a handshake alice initiated on a connection of her own, beside bob's.
        Assert.Contains(alice.Host.Connections, c => c.RemotePeer == bob.Host.PeerId && c.IsInitiator);
    }

    /// <summary>
    /// The fault hook that forces the interleaving, armed for one send: at after-fresh-bundle-close (alice closed her
    /// connections to bob, she has not dialled) bob dials alice, and the hook returns once alice's gate for that
    /// connection is open, so alice's next step finds a verified connection that bob initiated.
    /// </summary>
    private sealed class ContactDialsInTheWindow
    {
        private int _armed;
        private int _dialled;

        internal WotIdNode? Alice { get; set; }

        internal WotIdNode? Bob { get; set; }

        internal bool Dialled => Volatile.Read(ref _dialled) == 1;

        internal void Arm() => Volatile.Write(ref _armed, 1);

        internal NodeOptions Options(RuntimeWorld world) => world.OptionsWithFaultPoint(OnFaultPoint);

        private void OnFaultPoint(string name)
        {
            if (name != FaultPoints.AfterFreshBundleClose || Interlocked.Exchange(ref _armed, 0) == 0)
            {
                return;
            }

            WotIdNode alice = Alice!;
            WotIdNode bob = Bob!;
            // The hook is synchronous: bob's dial runs on the thread pool and the hook waits for it (bounded). Bob
            // first sees alice's close (else his host would hand back the old connection instead of dialling).
            Task<bool> verified = Task.Run(async () =>
            {
                SpinWait.SpinUntil(() => !bob.Host.Connections.Any(c => c.RemotePeer == alice.Host.PeerId && !c.IsClosed), TimeSpan.FromSeconds(10));
                await bob.Host.DialAsync(alice.Host.AdvertisedAddresses[0], TestProfiles.Ct);
                return SpinWait.SpinUntil(
                    () => alice.Host.Connections.Any(c => c.RemotePeer == bob.Host.PeerId && !c.IsInitiator && c.IsGateOpen && !c.IsClosed),
                    TimeSpan.FromSeconds(20));
            });
            Assert.True(verified.Wait(TimeSpan.FromSeconds(40)) && verified.Result, "bob's connection was not verified in time");
            Volatile.Write(ref _dialled, 1);
        }
    }
}
