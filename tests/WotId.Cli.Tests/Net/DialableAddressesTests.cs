// `net listen --listen /ip4/0.0.0.0/...` prints addresses others can dial: one per interface address, never 0.0.0.0.
using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using WotId.Cli.Commands.Net;
using WotId.Libp2p.Multiaddr;

namespace WotId.Cli.Tests.Net;

public sealed class DialableAddressesTests
{
    private static readonly IPAddress[] s_local =
    [
        IPAddress.Parse("127.0.0.1"), IPAddress.Parse("192.168.1.7"), IPAddress.IPv6Loopback,
        IPAddress.Parse("fe80::1"), IPAddress.Parse("2001:db8::7"),
    ];

    [Fact]
    public void UnspecifiedAddressesBecomeOnePerInterfaceAddress()
    {
        string[] expanded = DialableAddresses.Expand(
            [Multiaddress.Parse("/ip4/0.0.0.0/tcp/4001/p2p/12D3KooWD3eckifWpRn9wQpMG9R9hX3sD158z7EqHWmweQAJU5SA"), Multiaddress.Parse("/ip6/::/tcp/4002/ws")],
            s_local).Select(a => a.ToString()).ToArray();
        Assert.Equal(
            [
                "/ip4/127.0.0.1/tcp/4001/p2p/12D3KooWD3eckifWpRn9wQpMG9R9hX3sD158z7EqHWmweQAJU5SA",
                "/ip4/192.168.1.7/tcp/4001/p2p/12D3KooWD3eckifWpRn9wQpMG9R9hX3sD158z7EqHWmweQAJU5SA",
                "/ip6/::1/tcp/4002/ws",
                "/ip6/2001:db8::7/tcp/4002/ws",
            ],
            expanded);
    }

    [Fact]
    public void SpecificAddressesAreKept()
    {
        Multiaddress a = Multiaddress.Parse("/ip4/10.0.0.1/tcp/1");
        Assert.Equal([a.ToString()], DialableAddresses.Expand([a], s_local).Select(x => x.ToString()));
    }

    [Fact]
    public async Task NetListenOnAllInterfacesPrintsDialableAddresses()
    {
        using var stop = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        var output = new StringWriter();
        Task<int> run = Program.RunAsync(["net", "listen", "--listen", "/ip4/0.0.0.0/tcp/0", "--json"], TextWriter.Synchronized(output), TextWriter.Null, stop.Token);
        string line = string.Empty;
        while (line.Length == 0 && !run.IsCompleted && !stop.IsCancellationRequested)
        {
            await Task.Delay(20, CancellationToken.None);
            line = output.ToString().Split('\n')[0];
        }

        await stop.CancelAsync();
        Assert.Equal(ExitCodes.Ok, await run);
        string[] addrs = JsonNode.Parse(line)!["addrs"]!.AsArray().Select(a => a!.GetValue<string>()).ToArray();
        Assert.Contains(addrs, a => a.StartsWith("/ip4/127.0.0.1/tcp/", StringComparison.Ordinal));
        Assert.DoesNotContain(addrs, a => a.Contains("0.0.0.0", StringComparison.Ordinal));
    }
}
