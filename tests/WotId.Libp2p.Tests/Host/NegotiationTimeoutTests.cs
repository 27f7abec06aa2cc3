// Multistream-select on a new stream is bounded by Libp2pHostOptions.NegotiationTimeout (10 s) in both directions
// (libp2p/specs connections/README.md "Protocol Negotiation" sets no bound; go-libp2p's host uses a negotiation
// timeout too): a peer that opens a stream and never finishes the negotiation has the stream reset, and a stream of
// ours the peer never answers fails with a typed error, while the connection stays up. Real TCP on 127.0.0.1; the
// host under test runs on fake time.
using System;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using WotId.Libp2p.Host;
using WotId.Libp2p.Multiaddr;
using WotId.Libp2p.Tests.FakeTime;
using WotId.Libp2p.Tests.Hostile;
using WotId.Libp2p.Yamux;

namespace WotId.Libp2p.Tests.Host;

public sealed class NegotiationTimeoutTests
{
    private static readonly TimeSpan s_safetyNet = TimeSpan.FromSeconds(60);

    // The multistream-select header alone (uvarint length 19, "/multistream/1.0.0\n"): no protocol proposal follows.
    private static readonly byte[] s_headerOnly = [0x13, .. "/multistream/1.0.0\n"u8];

    [Fact]
    public async Task AStreamWhoseOpenerNeverProposesAProtocolIsResetAtTheNegotiationTimeout()
    {
        var time = new FakeTimeProvider();
        using var cts = new CancellationTokenSource(s_safetyNet);
        await using Libp2pHost server = await HostFixture.StartAsync(id => new Libp2pHostOptions(id)
        {
            ListenAddresses = [HostFixture.Tcp],
            TimeProvider = time,
        });
        await using Libp2pHost client = await HostFixture.StartAsync();
        Libp2pConnection c = await client.DialAsync(HostFixture.AddressOf(server, ws: false), cts.Token);
        await c.Identified.WaitAsync(cts.Token);
        await WaitForAsync(() => server.Connections.Count == 1, cts.Token);
        Libp2pConnection onServer = server.Connections.Single();
        await onServer.Identified.WaitAsync(cts.Token);
        await WaitForAsync(() => onServer.Session.StreamCount == 0, cts.Token);

        // A raw Yamux stream: the header, then silence. The server answers the header and waits for a proposal.
        YamuxStream raw = await c.Session.OpenStreamAsync(cts.Token);
        await raw.WriteAsync(s_headerOnly, cts.Token);
        await raw.ReadExactlyAsync(new byte[s_headerOnly.Length], cts.Token);
        Assert.Equal(1, onServer.Session.StreamCount);
        Task reset = Assert.ThrowsAnyAsync<IOException>(async () => await raw.ReadExactlyAsync(new byte[1], cts.Token));

        TimeSpan took = await FakeClock.AdvanceUntilAsync(time, reset, TimeSpan.FromSeconds(1), cts.Token);

        Assert.InRange(took, server.Options.NegotiationTimeout, server.Options.NegotiationTimeout + TimeSpan.FromSeconds(2));
        await WaitForAsync(() => onServer.Session.StreamCount == 0 && server.ResourceUsage.Streams == 0, cts.Token);
        Assert.False(onServer.IsClosed);
        // The connection still serves streams that do negotiate.
        await using Libp2pStream echo = await client.OpenStreamAsync(server.PeerId, HostFixture.EchoProtocol, cts.Token);
        await echo.WriteAsync("ok"u8.ToArray(), cts.Token);
        await echo.ReadExactlyAsync(new byte[2], cts.Token);
    }

    [Fact]
    public async Task OurStreamThatThePeerNeverAnswersFailsAtTheNegotiationTimeoutAndTheConnectionStays()
    {
        var time = new FakeTimeProvider();
        using var cts = new CancellationTokenSource(s_safetyNet);
        await using Libp2pHost peer = await HostFixture.StartAsync();
        Assert.True(HostFixture.AddressOf(peer, ws: false).TryGetTcpEndPoint(out System.Net.IPEndPoint? endPoint));
        await using var proxy = new DelayingProxy(endPoint!, TimeSpan.Zero);
        await using Libp2pHost client = await HostFixture.StartAsync(id => new Libp2pHostOptions(id) { TimeProvider = time });
        Libp2pConnection c = await client.DialAsync(Multiaddress.Parse($"/ip4/127.0.0.1/tcp/{proxy.EndPoint.Port}/p2p/{peer.PeerId}"), cts.Token);
        await c.Identified.WaitAsync(cts.Token);
        await WaitForAsync(() => c.Session.StreamCount == 0, cts.Token);

        // From now on nothing the peer sends reaches us: our proposal goes out, its answer never comes back.
        proxy.HoldReplies();
        Task<Libp2pStream> open = client.OpenStreamAsync(peer.PeerId, HostFixture.EchoProtocol, cts.Token);

        TimeSpan took = await FakeClock.AdvanceUntilAsync(time, open.ContinueWith(_ => { }, TaskScheduler.Default), TimeSpan.FromSeconds(1), cts.Token);

        HostException e = await Assert.ThrowsAsync<HostException>(() => open);
        Assert.Equal(HostError.StreamOpenTimeout, e.Error);
        Assert.InRange(took, client.Options.NegotiationTimeout, client.Options.NegotiationTimeout + TimeSpan.FromSeconds(2));
        Assert.False(c.IsClosed);
        await WaitForAsync(() => client.ResourceUsage.Streams == 0, cts.Token);
    }

    private static async Task WaitForAsync(Func<bool> condition, CancellationToken cancellationToken)
    {
        while (!condition())
        {
            await Task.Delay(10, cancellationToken);
        }
    }
}
