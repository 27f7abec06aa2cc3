using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using WotId.Libp2p.Host;
using WotId.Libp2p.Multiaddr;
using WotId.Libp2p.Peer;

namespace WotId.Libp2p.Tests.Host;

/// <summary>Test hosts on 127.0.0.1 with an echo protocol, like the js reference peer's.</summary>
internal static class HostFixture
{
    public const string EchoProtocol = "/wotid/echo/1.0.0";

    public static readonly Multiaddress Tcp = Multiaddress.Parse("/ip4/127.0.0.1/tcp/0");
    public static readonly Multiaddress Ws = Multiaddress.Parse("/ip4/127.0.0.1/tcp/0/ws");

    public static async Task<Libp2pHost> StartAsync(Func<PeerIdentity, Libp2pHostOptions>? configure = null, List<PeerIdentity>? keep = null)
    {
        PeerIdentity id = PeerIdentity.Generate();
        keep?.Add(id);
        Libp2pHostOptions options = configure?.Invoke(id) ?? new Libp2pHostOptions(id)
        {
            ListenAddresses = [Tcp, Ws],
            ServePerf = true,
        };
        var host = new Libp2pHost(options);
        host.SetHandler(EchoProtocol, EchoAsync);
        await host.StartAsync();
        return host;
    }

    public static async Task EchoAsync(Libp2pStream stream, CancellationToken cancellationToken)
    {
        var buffer = new byte[64 * 1024];
        int n;
        while ((n = await stream.ReadAsync(buffer, cancellationToken)) > 0)
        {
            await stream.WriteAsync(buffer.AsMemory(0, n), cancellationToken);
        }
    }

    public static Multiaddress AddressOf(Libp2pHost host, bool ws)
    {
        foreach (Multiaddress a in host.AdvertisedAddresses)
        {
            if (a.Contains(MultiaddrCodes.Ws) == ws)
            {
                return a;
            }
        }

        throw new InvalidOperationException("no such address");
    }

    /// <summary>Reads the host's events until one matches (the others are consumed and discarded).</summary>
    public static async Task<HostEvent> NextEventAsync(Libp2pHost host, Func<HostEvent, bool> match, CancellationToken cancellationToken)
    {
        await foreach (HostEvent e in host.ReadEventsAsync(cancellationToken))
        {
            if (match(e))
            {
                return e;
            }
        }

        throw new InvalidOperationException("the host stopped before the event arrived");
    }

    /// <summary>Writes <paramref name="payload"/>, half-closes, reads everything back.</summary>
    public static async Task<byte[]> EchoRoundTripAsync(Stream stream, Action completeWrites, byte[] payload, CancellationToken ct)
    {
        Task write = Task.Run(async () =>
        {
            await stream.WriteAsync(payload, ct);
            completeWrites();
        }, ct);
        var back = new MemoryStream();
        await stream.CopyToAsync(back, ct);
        await write;
        return back.ToArray();
    }
}
