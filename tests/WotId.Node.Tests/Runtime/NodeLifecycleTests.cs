// Start rules of WotIdNode: one node per profile, a credential is required, and the status a started node reports.
using System.Threading.Tasks;
using WotId.Node.Api;
using WotId.Node.Runtime;
using NodeProfile = WotId.Node.Profile.Profile;

namespace WotId.Node.Tests.Runtime;

public sealed class NodeLifecycleTests
{
    [Fact]
    public async Task SecondNodeOnTheSameProfileIsRefused()
    {
        using var world = new RuntimeWorld();
        (NodeProfile profile, _) = await world.CreateAsync("alice");
        await using WotIdNode first = await world.StartAsync(profile);
        using NodeProfile again = await world.OpenAsync("alice");

        NodeException e = await Assert.ThrowsAsync<NodeException>(() => world.StartAsync(again));

        Assert.Equal(NodeError.AlreadyRunning, e.Error);
        NodeStatus status = await first.GetStatusAsync(TestProfiles.Ct);
        Assert.Equal("alice", status.Name);
        Assert.All(status.Addresses, a => Assert.EndsWith("/p2p/" + status.PeerId, a));
        Assert.True(status.Credential!.Valid);
        Assert.Equal("embedded", status.Mailbox!.Kind);
    }

    [Fact]
    public async Task NodeWithoutCredentialDoesNotStart()
    {
        using var profiles = new TestProfiles();
        using NodeProfile profile = await profiles.CreateAsync("nobody");

        NodeException e = await Assert.ThrowsAsync<NodeException>(() => WotIdNode.StartAsync(profile, null, TestProfiles.Ct));

        Assert.Equal(NodeError.NoCredential, e.Error);
    }
}
