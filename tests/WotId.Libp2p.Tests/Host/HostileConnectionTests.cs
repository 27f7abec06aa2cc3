using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using WotId.Libp2p.Host;
using WotId.Libp2p.Multiaddr;
using WotId.Libp2p.Multistream;
using WotId.Libp2p.Noise;
using WotId.Libp2p.Peer;
using WotId.Libp2p.Transports;
using WotId.Libp2p.Yamux;

namespace WotId.Libp2p.Tests.Host;

// A hostile peer completes a real Noise handshake with the host, then breaks Yamux rules. The host must drop that
// connection with a typed error while it keeps serving a well-behaved peer.
public sealed class HostileConnectionTests
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(30);

    public static IEnumerable<TheoryDataRow<string, YamuxError>> Attacks() =>
    [
        new("window violation", YamuxError.WindowExceeded),
        new("oversized frame", YamuxError.WindowExceeded),
        new("stream flood", YamuxError.StreamLimitExceeded),
        new("window overflow", YamuxError.WindowOverflow),
    ];

    [Theory]
    [MemberData(nameof(Attacks))]
    public async Task HostDropsTheHostilePeerAndKeepsServingOthers(string attack, YamuxError expected)
    {
        using PeerIdentity hostId = PeerIdentity.Generate();
        await using var host = new Libp2pHost(new Libp2pHostOptions(hostId)
        {
            ListenAddresses = [HostFixture.Tcp],
            Yamux = new YamuxOptions { MaxInboundStreams = 16, AcceptBacklog = 16, MaxRefusedStreams = 64 },
        });
        await host.StartAsync();
        using PeerIdentity hostile = PeerIdentity.Generate();
        using var events = new CancellationTokenSource(s_timeout);
        Task<HostEvent> closedWithError = HostFixture.NextEventAsync(
            host, e => e.Kind == HostEventKind.ConnectionClosed && e.Connection.RemotePeer == hostile.PeerId, events.Token);

        await using Libp2pHost good = await HostFixture.StartAsync();
        using var cts = new CancellationTokenSource(s_timeout);
        Multiaddress target = HostFixture.AddressOf(host, ws: false);
        await good.DialAsync(target, cts.Token);

        TransportConnection raw = await new TcpTransport().DialAsync(target, cts.Token);
        await MultistreamSelect.SelectAsync(raw, [NoiseSecuredStream.ProtocolId], cts.Token);
        NoiseSecuredStream secured = await NoiseSecuredStream.HandshakeAsync(raw, hostile, true, host.PeerId, ["/yamux/1.0.0"], cts.Token);
        await using (secured)
        {
            byte[] frames = attack switch
            {
                "window violation" => [.. Frame(YamuxFrameType.WindowUpdate, YamuxFlags.Syn, 1, 0), .. Frame(YamuxFrameType.Data, 0, 1, 1 << 20), .. new byte[1 << 20]],
                "oversized frame" => Frame(YamuxFrameType.Data, YamuxFlags.Syn, 1, uint.MaxValue),
                "window overflow" => [.. Frame(YamuxFrameType.WindowUpdate, YamuxFlags.Syn, 1, 0), .. Frame(YamuxFrameType.WindowUpdate, 0, 1, uint.MaxValue)],
                _ => Enumerable.Range(0, 200).SelectMany(i => Frame(YamuxFrameType.WindowUpdate, YamuxFlags.Syn, (uint)(2 * i) + 1, 0)).ToArray(),
            };
            try
            {
                await secured.WriteAsync(frames, cts.Token);
            }
            catch (IOException)
            {
                // The host may already have hung up.
            }

            Exception? error = (await closedWithError.WaitAsync(cts.Token)).Error;
            YamuxException yx = Assert.IsType<YamuxException>(error);
            Assert.Equal(expected, yx.Error);
        }

        // The well-behaved peer is still served.
        Assert.Single(await good.PingAsync(host.PeerId, 1, cts.Token));
        Assert.DoesNotContain(host.Connections, c => c.RemotePeer == hostile.PeerId);
    }

    private static byte[] Frame(YamuxFrameType type, YamuxFlags flags, uint id, uint length)
    {
        var b = new byte[YamuxFrameHeader.Size];
        new YamuxFrameHeader(type, flags, id, length).Write(b);
        return b;
    }
}
