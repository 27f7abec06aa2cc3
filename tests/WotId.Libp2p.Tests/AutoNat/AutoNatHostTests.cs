using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using WotId.Libp2p.Host;
using WotId.Libp2p.Multiaddr;
using WotId.Libp2p.Protocols;
using WotId.Libp2p.Protocols.AutoNat;
using WotId.Libp2p.Tests.Host;

namespace WotId.Libp2p.Tests.AutoNat;

// AutoNAT v2 between C# hosts on loopback. Loopback addresses are private, so the servers here opt in with
// AllowPrivateAddresses; "reachable" then means reachable from the server. 127.0.0.2 is a second loopback IP (Linux
// routes all of 127/8 to lo), which makes the server demand dial data exactly as for a foreign public IP.
public sealed class AutoNatHostTests
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(60);

    internal static Task<Libp2pHost> StartServerAsync(AutoNatServiceOptions? options = null) =>
        HostFixture.StartAsync(id => new Libp2pHostOptions(id)
        {
            ListenAddresses = [HostFixture.Tcp],
            AutoNatService = options ?? new AutoNatServiceOptions { AllowPrivateAddresses = true },
        });

    internal static Task<Libp2pHost> StartClientAsync(params string[] listen) =>
        HostFixture.StartAsync(id => new Libp2pHostOptions(id)
        {
            ListenAddresses = listen.Length == 0 ? [HostFixture.Tcp] : listen.Select(Multiaddress.Parse).ToList(),
            AutoNatConfirmations = 1,
        });

    [Fact]
    public async Task ServerDialsBackOnAFreshConnectionAndTheNonceConfirmsReachability()
    {
        await using Libp2pHost server = await StartServerAsync();
        await using Libp2pHost client = await StartClientAsync();
        using var cts = new CancellationTokenSource(s_timeout);
        Libp2pConnection first = await client.DialAsync(HostFixture.AddressOf(server, false), cts.Token);
        Multiaddress ours = client.ListenAddresses[0];

        AutoNatCheckResult result = await client.CheckReachabilityAsync(server.PeerId, ours, cts.Token);

        Assert.Equal(AutoNatOutcome.Reachable, result.Outcome);
        Assert.Equal(0, result.DialDataSent);
        // The events are queued: the dial back's inbound connection came first, then the reachability change.
        HostEvent dialBack = await HostFixture.NextEventAsync(
            client, e => e.Kind == HostEventKind.ConnectionOpened && !e.Connection.IsInitiator && e.Connection.RemotePeer == server.PeerId, cts.Token);
        Assert.NotSame(first, dialBack.Connection);
        HostEvent changed = await HostFixture.NextEventAsync(client, e => e.Kind == HostEventKind.ReachabilityChanged, cts.Token);
        Assert.Equal(ours + " is public", changed.Reason);
        Assert.Equal(Reachability.Public, client.Reachability);
        AddressReachability a = Assert.Single(client.AddressReachability);
        Assert.Equal((ours, Reachability.Public, 1, 0), (a.Address, a.State, a.Successes, a.Failures));
    }

    [Fact]
    public async Task AnAddressOnAnotherIpCostsDialDataBeforeTheDialBack()
    {
        await using Libp2pHost server = await StartServerAsync();
        await using Libp2pHost client = await StartClientAsync("/ip4/127.0.0.1/tcp/0", "/ip4/127.0.0.2/tcp/0");
        using var cts = new CancellationTokenSource(s_timeout);
        await client.DialAsync(HostFixture.AddressOf(server, false), cts.Token);
        Multiaddress other = client.ListenAddresses.Single(a => a.ToString().StartsWith("/ip4/127.0.0.2/", StringComparison.Ordinal));

        AutoNatCheckResult result = await client.CheckReachabilityAsync(server.PeerId, other, cts.Token);

        Assert.Equal(AutoNatOutcome.Reachable, result.Outcome);
        Assert.InRange(result.DialDataSent, AutoNatProtocol.MinDialData, AutoNatProtocol.MaxDialData + AutoNatMessage.MaxDialDataChunk);
    }

    [Fact]
    public async Task AClosedPortIsReportedUnreachableAndMarksTheAddressPrivate()
    {
        await using Libp2pHost server = await StartServerAsync();
        await using Libp2pHost client = await StartClientAsync();
        using var cts = new CancellationTokenSource(s_timeout);
        await client.DialAsync(HostFixture.AddressOf(server, false), cts.Token);

        AutoNatCheckResult result = await client.CheckReachabilityAsync(server.PeerId, Multiaddress.Parse("/ip4/127.0.0.1/tcp/" + ClosedPort()), cts.Token);

        Assert.Equal(AutoNatOutcome.Unreachable, result.Outcome);
        Assert.Equal(Reachability.Private, client.Reachability);
    }

    [Fact]
    public async Task ByDefaultTheServerRefusesPrivateAddresses()
    {
        await using Libp2pHost server = await StartServerAsync(new AutoNatServiceOptions());
        await using Libp2pHost client = await StartClientAsync();
        using var cts = new CancellationTokenSource(s_timeout);
        await client.DialAsync(HostFixture.AddressOf(server, false), cts.Token);

        AutoNatCheckResult result = await client.CheckReachabilityAsync(server.PeerId, client.ListenAddresses[0], cts.Token);

        Assert.Equal(AutoNatOutcome.Refused, result.Outcome);
        Assert.Empty(client.AddressReachability);
    }

    [Fact]
    public async Task RequestsOverThePerPeerLimitAreRejectedWhileOtherPeersAreStillServed()
    {
        await using Libp2pHost server = await StartServerAsync(new AutoNatServiceOptions { AllowPrivateAddresses = true, MaxRequestsPerPeerPerMinute = 2 });
        await using Libp2pHost greedy = await StartClientAsync();
        await using Libp2pHost honest = await StartClientAsync();
        using var cts = new CancellationTokenSource(s_timeout);
        await greedy.DialAsync(HostFixture.AddressOf(server, false), cts.Token);
        await honest.DialAsync(HostFixture.AddressOf(server, false), cts.Token);

        var outcomes = new List<AutoNatOutcome>();
        for (int i = 0; i < 4; i++)
        {
            outcomes.Add((await greedy.CheckReachabilityAsync(server.PeerId, greedy.ListenAddresses[0], cts.Token)).Outcome);
        }

        Assert.Equal([AutoNatOutcome.Reachable, AutoNatOutcome.Reachable, AutoNatOutcome.Rejected, AutoNatOutcome.Rejected], outcomes);
        Assert.Equal(AutoNatOutcome.Reachable, (await honest.CheckReachabilityAsync(server.PeerId, honest.ListenAddresses[0], cts.Token)).Outcome);
    }

    [Fact]
    public async Task AServerClaimingADialBackWithoutDeliveringTheNonceIsNotBelieved()
    {
        await using Libp2pHost liar = await HostFixture.StartAsync();
        liar.SetHandler(AutoNatProtocol.DialRequestProtocolId, async (s, ct) =>
        {
            await AutoNatProtocol.ReadAsync(s, ct);
            await AutoNatProtocol.WriteAsync(s, AutoNatMessage.DialResponse(AutoNatResponseStatus.Ok, 0, AutoNatDialStatus.Ok), ct);
        });
        await using Libp2pHost client = await StartClientAsync();
        using var cts = new CancellationTokenSource(s_timeout);
        await client.DialAsync(HostFixture.AddressOf(liar, false), cts.Token);

        AutoNatCheckResult result = await client.CheckReachabilityAsync(liar.PeerId, client.ListenAddresses[0], cts.Token);

        Assert.Equal(AutoNatOutcome.Failed, result.Outcome);
        Assert.Contains("nonce", result.Detail, StringComparison.Ordinal);
        Assert.Equal(Reachability.Unknown, client.Reachability);
    }

    [Fact]
    public async Task TheClientRefusesToSendMoreDialDataThanItsLimit()
    {
        await using Libp2pHost greedy = await HostFixture.StartAsync();
        greedy.SetHandler(AutoNatProtocol.DialRequestProtocolId, async (s, ct) =>
        {
            await AutoNatProtocol.ReadAsync(s, ct);
            await AutoNatProtocol.WriteAsync(s, AutoNatMessage.DialDataRequest(0, 10_000_000), ct);
            await AutoNatProtocol.ReadAsync(s, ct);
        });
        await using Libp2pHost client = await StartClientAsync();
        using var cts = new CancellationTokenSource(s_timeout);
        await client.DialAsync(HostFixture.AddressOf(greedy, false), cts.Token);

        AutoNatCheckResult result = await client.CheckReachabilityAsync(greedy.PeerId, client.ListenAddresses[0], cts.Token);

        Assert.Equal(AutoNatOutcome.Failed, result.Outcome);
        Assert.Equal(0, result.DialDataSent);
    }

    [Fact]
    public async Task ADialBackWithAnUnknownNonceIsResetAndGarbageRequestsDoNotStopTheServer()
    {
        await using Libp2pHost server = await StartServerAsync();
        await using Libp2pHost client = await StartClientAsync();
        using var cts = new CancellationTokenSource(s_timeout);
        Libp2pConnection toClient = await server.DialAsync(HostFixture.AddressOf(client, false), cts.Token);

        await using (Libp2pStream s = await toClient.OpenStreamAsync(AutoNatProtocol.DialBackProtocolId, cts.Token))
        {
            await LengthPrefixed.WriteAsync(s, AutoNatProtocol.EncodeDialBack(12345), cts.Token);
            await Assert.ThrowsAnyAsync<Exception>(() => AutoNatProtocol.ReadFrameAsync(s, cts.Token));
        }

        Libp2pConnection toServer = await client.DialAsync(HostFixture.AddressOf(server, false), cts.Token);
        await using (Libp2pStream s = await toServer.OpenStreamAsync(AutoNatProtocol.DialRequestProtocolId, cts.Token))
        {
            await s.WriteAsync(new byte[] { 0x05, 0xff, 0xff, 0xff, 0xff, 0xff }, cts.Token);
            await Assert.ThrowsAnyAsync<Exception>(() => AutoNatProtocol.ReadFrameAsync(s, cts.Token));
        }

        Assert.Equal(AutoNatOutcome.Reachable, (await client.CheckReachabilityAsync(server.PeerId, client.ListenAddresses[0], cts.Token)).Outcome);
    }

    [Fact]
    public async Task WithAutoNatProbeTheHostAsksServersOnConnectAndLearnsItIsPublic()
    {
        await using Libp2pHost s1 = await StartServerAsync();
        await using Libp2pHost s2 = await StartServerAsync();
        await using Libp2pHost plain = await HostFixture.StartAsync();
        await using Libp2pHost client = await HostFixture.StartAsync(id => new Libp2pHostOptions(id)
        {
            ListenAddresses = [HostFixture.Tcp],
            AutoNatProbe = true,
            AutoNatConfirmations = 2,
        });
        using var cts = new CancellationTokenSource(s_timeout);

        // A peer without AutoNAT is not asked; one server is not enough; the second one decides.
        await client.DialAsync(HostFixture.AddressOf(plain, false), cts.Token);
        await client.DialAsync(HostFixture.AddressOf(s1, false), cts.Token);
        await client.DialAsync(HostFixture.AddressOf(s2, false), cts.Token);
        HostEvent changed = await HostFixture.NextEventAsync(client, e => e.Kind == HostEventKind.ReachabilityChanged, cts.Token);

        Assert.Equal(client.ListenAddresses[0] + " is public", changed.Reason);
        Assert.Equal(Reachability.Public, client.Reachability);
        AddressReachability a = Assert.Single(client.AddressReachability);
        Assert.Equal((2, 0), (a.Successes, a.Failures));
    }

    private static int ClosedPort()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        int port = ((IPEndPoint)l.LocalEndpoint).Port;
        l.Stop();
        return port;
    }
}
