// A profile's pinned listen port is drawn below the ephemeral range, so that no outgoing connection of any process
// can hold it when the node starts (PinnedTcpPort).
using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using WotId.Node.Profile;
using Xunit;

namespace WotId.Node.Tests.Profile;

public sealed class PinnedTcpPortTests
{
    [Fact]
    public void AResolvedPortZeroIsBelowTheEphemeralRangeAndCanBeListenedOn()
    {
        int start = PinnedTcpPort.EphemeralRangeStart();
        Assert.InRange(start, 1, 65_535);
        for (int i = 0; i < 20; i++)
        {
            string resolved = Assert.Single(ProfileListenAddresses.Resolve(["/ip4/127.0.0.1/tcp/0"]));
            int port = int.Parse(resolved["/ip4/127.0.0.1/tcp/".Length..], System.Globalization.CultureInfo.InvariantCulture);

            Assert.InRange(port, PinnedTcpPort.MinPort, start - 1);
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
        }
    }

    [Fact]
    public void OnLinuxTheRangeIsTheKernels()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "net.ipv4.ip_local_port_range is Linux's");
        string text = File.ReadAllText("/proc/sys/net/ipv4/ip_local_port_range");
        int expected = int.Parse(text.Split(['\t', ' '], StringSplitOptions.RemoveEmptyEntries)[0], System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(expected, PinnedTcpPort.EphemeralRangeStart());
    }

    [Fact]
    public void AnAddressWithAPortKeepsIt()
    {
        Assert.Equal(["/ip4/127.0.0.1/tcp/4001", "/ip4/0.0.0.0/tcp/4002/ws"],
            ProfileListenAddresses.Resolve(["/ip4/127.0.0.1/tcp/4001", "/ip4/0.0.0.0/tcp/4002/ws"]));
    }

    [Fact]
    public void APortTakenNowIsNeverChosen()
    {
        // A narrow range with most of its ports held: every choice must be one of the few left free.
        (List<TcpListener> held, int low, int below) = HoldRange(PinnedTcpPort.MinPort + 5_000, 40, leaveFree: 4);
        try
        {
            var taken = held.Select(l => ((IPEndPoint)l.LocalEndpoint).Port).ToHashSet();
            Assert.True(taken.Count >= 30, "the test could not hold enough ports of its range");
            for (int i = 0; i < 30; i++)
            {
                int port = PinnedTcpPort.Choose(IPAddress.Loopback, low, below);
                Assert.InRange(port, low, below - 1);
                Assert.DoesNotContain(port, taken);
            }
        }
        finally
        {
            held.ForEach(l => l.Dispose());
        }
    }

    [Fact]
    public void WhenTheWholeRangeIsTakenAnyFreePortIsChosen()
    {
        (List<TcpListener> held, int low, int below) = HoldRange(PinnedTcpPort.MinPort + 6_000, 8, leaveFree: 0);
        try
        {
            Assert.SkipUnless(held.Count == below - low, "another process holds a port of the test's range");
            int port = PinnedTcpPort.Choose(IPAddress.Loopback, low, below);

            Assert.False(port >= low && port < below);
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
        }
        finally
        {
            held.ForEach(l => l.Dispose());
        }
    }

    /// <summary>Listens on the ports of [start, start + count) except the last <paramref name="leaveFree"/>.</summary>
    private static (List<TcpListener> Held, int Low, int Below) HoldRange(int start, int count, int leaveFree)
    {
        var held = new List<TcpListener>();
        for (int port = start; port < start + count - leaveFree; port++)
        {
            var l = new TcpListener(IPAddress.Loopback, port);
            try
            {
                l.Start();
                held.Add(l);
            }
            catch (SocketException)
            {
                l.Dispose(); // held by someone else: taken either way
            }
        }

        return (held, start, start + count);
    }
}
