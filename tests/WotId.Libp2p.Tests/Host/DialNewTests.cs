// A dial that always opens a new connection (Libp2pHost.DialNewAsync): DialAsync hands back any open connection to
// the peer, whoever dialled it, so a caller that must be the initiator of a connection (a protocol that only the
// dialler starts, such as the wot.id handshake that hands the dialler the responder's prekey bundle) could not get
// one while the peer's own connection is open. Real hosts on 127.0.0.1.
using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using WotId.Libp2p.Host;

namespace WotId.Libp2p.Tests.Host;

public sealed class DialNewTests
{
    private static readonly TimeSpan s_safetyNet = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task DialNewOpensAConnectionOfOurOwnWhileThePeersConnectionIsOpen()
    {
        using var cts = new CancellationTokenSource(s_safetyNet);
        await using Libp2pHost a = await HostFixture.StartAsync();
        await using Libp2pHost b = await HostFixture.StartAsync();
        Libp2pConnection theirs = await b.DialAsync(HostFixture.AddressOf(a, ws: false), cts.Token);
        await theirs.Identified.WaitAsync(cts.Token);

        Libp2pConnection reused = await a.DialAsync(HostFixture.AddressOf(b, ws: false), cts.Token);
        Assert.False(reused.IsInitiator);

        Libp2pConnection ours = await a.DialNewAsync(HostFixture.AddressOf(b, ws: false), cts.Token);
        Assert.True(ours.IsInitiator);
        Assert.NotSame(reused, ours);
        Assert.Equal(2, a.Connections.Count(c => c.RemotePeer == b.PeerId && !c.IsClosed));
        await ours.Identified.WaitAsync(cts.Token);
        Assert.False(theirs.IsClosed);
    }

    [Fact]
    public async Task DialNewStillHonoursTheConnectionLimitPerPeer()
    {
        using var cts = new CancellationTokenSource(s_safetyNet);
        await using Libp2pHost a = await HostFixture.StartAsync(id => new Libp2pHostOptions(id)
        {
            ListenAddresses = [HostFixture.Tcp],
            MaxConnectionsPerPeer = 2,
        });
        await using Libp2pHost b = await HostFixture.StartAsync();
        await a.DialNewAsync(HostFixture.AddressOf(b, ws: false), cts.Token);
        await a.DialNewAsync(HostFixture.AddressOf(b, ws: false), cts.Token);

        HostException e = await Assert.ThrowsAsync<HostException>(() => a.DialNewAsync(HostFixture.AddressOf(b, ws: false), cts.Token));
        Assert.Equal(HostError.ConnectionLimit, e.Error);
        Assert.Equal(ConnectionLimitKind.ConnectionsPerPeer, e.Limit);
    }
}
