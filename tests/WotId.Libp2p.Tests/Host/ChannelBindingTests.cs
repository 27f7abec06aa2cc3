// The connection's channel binding is the Noise handshake hash (Noise rev. 34 §11.2), checked over real TCP sockets.
using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using WotId.Libp2p.Host;

namespace WotId.Libp2p.Tests.Host;

public sealed class ChannelBindingTests
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task BothEndsSeeTheSame32BytesAndTwoConnectionsDiffer()
    {
        await using Libp2pHost a = await HostFixture.StartAsync();
        await using Libp2pHost b = await HostFixture.StartAsync();
        await using Libp2pHost c = await HostFixture.StartAsync();
        using var cts = new CancellationTokenSource(s_timeout);

        Libp2pConnection ab = await a.DialAsync(HostFixture.AddressOf(b, ws: false), cts.Token);
        Libp2pConnection ac = await a.DialAsync(HostFixture.AddressOf(c, ws: true), cts.Token);
        await ab.Identified.WaitAsync(cts.Token);
        await ac.Identified.WaitAsync(cts.Token);
        Libp2pConnection ba = b.Connections.Single();
        Libp2pConnection ca = c.Connections.Single();

        Assert.Equal(32, ab.ChannelBinding.Length);
        Assert.Equal(ab.ChannelBinding.ToArray(), ba.ChannelBinding.ToArray());
        Assert.Equal(ac.ChannelBinding.ToArray(), ca.ChannelBinding.ToArray());
        Assert.NotEqual(ab.ChannelBinding.ToArray(), ac.ChannelBinding.ToArray());
        Assert.NotEqual(new byte[32], ab.ChannelBinding.ToArray());
    }

    [Fact]
    public async Task AReconnectionToTheSamePeerGetsANewBinding()
    {
        await using Libp2pHost a = await HostFixture.StartAsync();
        await using Libp2pHost b = await HostFixture.StartAsync();
        using var cts = new CancellationTokenSource(s_timeout);

        Libp2pConnection first = await a.DialAsync(HostFixture.AddressOf(b, ws: false), cts.Token);
        byte[] before = first.ChannelBinding.ToArray();
        await first.CloseAsync();
        await first.Completion.WaitAsync(cts.Token);
        Libp2pConnection second = await a.DialAsync(HostFixture.AddressOf(b, ws: false), cts.Token);

        Assert.NotSame(first, second);
        Assert.NotEqual(before, second.ChannelBinding.ToArray());
    }
}
