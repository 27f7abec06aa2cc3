// The hosting facade (docs/library.md "Hosting"): two generic hosts in one process, each running a node through
// services.AddWotIdNode on 127.0.0.1, exchange a verified message through the IWotIdNode singletons; the profile is
// created at the first start and opened at the next; the singleton refuses work while its host is stopped.
using System;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using WotId.Node.Api;
using WotId.Node.Tests.Runtime;

namespace WotId.Node.Tests.Hosting;

public sealed class HostedNodeTests
{
    [Fact]
    public async Task TwoHostedNodesExchangeAVerifiedMessageThroughTheFacade()
    {
        using var world = new HostedWorld();
        using IHost aliceHost = world.Build("alice");
        using IHost bobHost = world.Build("bob");
        IWotIdNode alice = aliceHost.Services.GetRequiredService<IWotIdNode>();
        IWotIdNode bob = bobHost.Services.GetRequiredService<IWotIdNode>();
        // Subscribed before the hosts start: the stream waits for the node.
        await using var aliceEvents = new EventRecorder(alice);
        await using var bobEvents = new EventRecorder(bob);
        await aliceHost.StartAsync(TestProfiles.Ct);
        await bobHost.StartAsync(TestProfiles.Ct);

        await RuntimeWorld.IntroduceAsync(alice, "bob", bob, "alice");
        SentMessage sent = await alice.SendTextAsync("bob", "hello from a hosted node", TestProfiles.Ct);

        Assert.Equal(DeliveryRoutes.Direct, sent.Delivered);
        NodeEvent received = await bobEvents.WaitAsync(NodeEventKinds.MessageReceived, e => e.MessageId == sent.Id);
        Assert.Equal(("hello from a hosted node", "alice"), (received.Text, received.Contact));
        await aliceEvents.WaitAsync(NodeEventKinds.ReceiptDelivered, e => e.MessageId == sent.Id);
        Assert.Equal("verified", (await bob.GetContactAsync("alice", TestProfiles.Ct)).Verification);
        Assert.Equal(world.Runtime.Issuer.Did, (await alice.GetStatusAsync(TestProfiles.Ct)).Credential!.Issuer);
        Assert.Contains(world.Logs.Entries, e => e.Message == $"Profile alice created in {world.Home("alice")}");

        await aliceHost.StopAsync(TestProfiles.Ct);
        await bobHost.StopAsync(TestProfiles.Ct);
        NodeException stopped = await Assert.ThrowsAsync<NodeException>(() => alice.GetStatusAsync(TestProfiles.Ct));
        Assert.Equal(NodeError.NotRunning, stopped.Error);
    }

    [Fact]
    public async Task ASecondStartOpensTheProfileTheFirstCreated()
    {
        using var world = new HostedWorld();
        string did;
        using (IHost first = world.Build("carol"))
        {
            await first.StartAsync(TestProfiles.Ct);
            IWotIdNode node = first.Services.GetRequiredService<IWotIdNode>();
            did = (await node.GetStatusAsync(TestProfiles.Ct)).Did;
            await first.StopAsync(TestProfiles.Ct);
        }

        // No CreateProfileName: the profile must exist.
        using IHost second = world.Build("carol", o => o.CreateProfileName = null);
        await second.StartAsync(TestProfiles.Ct);
        NodeStatus status = await second.Services.GetRequiredService<IWotIdNode>().GetStatusAsync(TestProfiles.Ct);
        await second.StopAsync(TestProfiles.Ct);

        Assert.Equal(did, status.Did);
        Assert.Contains(world.Logs.Entries, e => e.Message == $"Profile carol opened in {world.Home("carol")}");
    }

    [Fact]
    public async Task BeforeTheHostStartsTheNodeIsNotRunning()
    {
        using var world = new HostedWorld();
        using IHost host = world.Build("dave");
        IWotIdNode node = host.Services.GetRequiredService<IWotIdNode>();

        NodeException e = await Assert.ThrowsAsync<NodeException>(() => node.SendTextAsync("anyone", "hi", TestProfiles.Ct));

        Assert.Equal(NodeError.NotRunning, e.Error);
        Assert.Same(node, host.Services.GetRequiredService<IWotIdNode>());
    }

    [Fact]
    public async Task ControlApiServesTheHostedNodeToTheControlClient()
    {
        using var world = new HostedWorld();
        using IHost host = world.Build("erin", o => o.ControlApi = true);
        await host.StartAsync(TestProfiles.Ct);
        string did = (await host.Services.GetRequiredService<IWotIdNode>().GetStatusAsync(TestProfiles.Ct)).Did;

        await using (WotId.Node.Control.ControlApiClient? client = await WotId.Node.Control.ControlApiClient.TryConnectAsync(world.Home("erin"), TestProfiles.Ct))
        {
            Assert.NotNull(client);
            Assert.Equal(did, (await client.GetStatusAsync(TestProfiles.Ct)).Did);
        }

        await host.StopAsync(TestProfiles.Ct);
        Assert.Contains(world.Logs.Entries, e => e.Message.StartsWith("Control API at ", StringComparison.Ordinal));
    }
}
