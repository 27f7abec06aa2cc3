// What the memory scopes count (go-yamux stream.go reserves memory from the resource manager for each window it
// grants, not for bytes on arrival): the receive window granted to peers is the most they can make us buffer, because
// a Yamux sender may never exceed it (hashicorp/yamux spec.md "Flow Control"). Counting windows makes the budget a hard
// cap that holds before the bytes arrive; ResourceUsage.BufferedBytes shows what is really held. Real hosts on 127.0.0.1.
using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using WotId.Libp2p.Host;
using WotId.Libp2p.Host.Resources;
using WotId.Libp2p.Tests.Host;
using WotId.Libp2p.Yamux;

namespace WotId.Libp2p.Tests.Hostile;

public sealed class ReceiveMemoryTests
{
    private const string NeverRead = "/wotid/test/never-read/1.0.0";
    private const int Streams = 8;
    private static readonly TimeSpan s_safetyNet = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task APeerWritingToAHandlerThatNeverReadsFillsOnlyTheGrantedWindows()
    {
        using var cts = new CancellationTokenSource(s_safetyNet);
        await using Libp2pHost a = await HostFixture.StartAsync();
        a.SetHandler(NeverRead, static (s, ct) => Task.Delay(Timeout.Infinite, ct));
        await using Libp2pHost b = await HostFixture.StartAsync();
        await (await b.DialAsync(HostFixture.AddressOf(a, ws: false), cts.Token)).Identified.WaitAsync(cts.Token);
        await HostileFixture.WaitForAsync(() => a.ResourceUsage.Streams == 0, cts.Token);

        using var stopWrites = CancellationTokenSource.CreateLinkedTokenSource(cts.Token);
        var writes = new List<Task>();
        var streams = new List<Libp2pStream>();
        for (int i = 0; i < Streams; i++)
        {
            Libp2pStream s = await OpenRetryingAsync(b, a, NeverRead, cts.Token);
            streams.Add(s);
            writes.Add(s.WriteAsync(new byte[1024 * 1024], stopWrites.Token).AsTask());
        }

        // Each stream buffers its 256 KiB window (less the few bytes multistream-select read) and no more; what we
        // count covers it at every moment.
        long full = Streams * (long)YamuxOptions.InitialWindow;
        const int negotiation = 128;
        ResourceUsage u;
        do
        {
            u = a.ResourceUsage;
            Assert.True(u.BufferedBytes <= u.MemoryBytes, $"{u.BufferedBytes} bytes buffered, {u.MemoryBytes} counted");
            await Task.Delay(10, cts.Token);
        }
        while (u.BufferedBytes < full - (Streams * negotiation));

        Assert.InRange(u.BufferedBytes, full - (Streams * negotiation), full);
        Assert.Equal(full, u.MemoryBytes);
        // The rest of each 1 MiB write waits for a window the handler never gives.
        Assert.DoesNotContain(writes, w => w.IsCompleted);

        await stopWrites.CancelAsync();
        streams.ForEach(s => s.Abort());
        await Task.WhenAll(writes.Select(w => w.ContinueWith(_ => { }, TaskScheduler.Default)));
        await HostileFixture.WaitForAsync(() => a.ResourceUsage is { BufferedBytes: 0, MemoryBytes: 0 }, cts.Token);
    }

    [Fact]
    public async Task WindowsGrownForAPeerThatInflatesItsRttStayWithinHalfTheBudget()
    {
        const long budget = 8L * 1024 * 1024;
        using var cts = new CancellationTokenSource(s_safetyNet);
        await using Libp2pHost a = await HostFixture.StartAsync(id => new Libp2pHostOptions(id)
        {
            ListenAddresses = [HostFixture.Tcp],
            Resources = new ResourceLimits { MaxMemory = budget },
            Yamux = new YamuxOptions { KeepAliveInterval = TimeSpan.FromMilliseconds(200) },
        });
        a.SetHandler(HostileAttacks.SinkProtocol, static async (s, ct) =>
        {
            var buffer = new byte[64 * 1024];
            while (await s.ReadAsync(buffer, ct) > 0)
            {
            }
        });
        Assert.True(HostFixture.AddressOf(a, ws: false).TryGetTcpEndPoint(out System.Net.IPEndPoint? endPoint));
        await using var proxy = new DelayingProxy(endPoint!, TimeSpan.FromMilliseconds(300));
        await using Libp2pHost m = await HostFixture.StartAsync();
        Libp2pConnection c = await m.DialAsync(WotId.Libp2p.Multiaddr.Multiaddress.Parse($"/ip4/127.0.0.1/tcp/{proxy.EndPoint.Port}/p2p/{a.PeerId}"), cts.Token);
        await c.Identified.WaitAsync(cts.Token);

        using var stopPushes = CancellationTokenSource.CreateLinkedTokenSource(cts.Token);
        long pushed = 0;
        var pushes = new List<Task>();
        for (int i = 0; i < 4; i++)
        {
            Libp2pStream s = await OpenRetryingAsync(m, a, HostileAttacks.SinkProtocol, cts.Token);
            pushes.Add(Task.Run(async () =>
            {
                var chunk = new byte[64 * 1024];
                try
                {
                    while (true)
                    {
                        await s.WriteAsync(chunk, stopPushes.Token);
                        Interlocked.Add(ref pushed, chunk.Length);
                    }
                }
                catch (Exception e) when (e is OperationCanceledException or System.IO.IOException)
                {
                    s.Abort();
                }
            }, CancellationToken.None));
        }

        // Push until the windows have grown past their initial size and 16 MiB went through (far beyond the budget).
        long peakMemory = 0, peakBuffered = 0;
        while (Interlocked.Read(ref pushed) < 16L * 1024 * 1024 || peakMemory <= 4 * YamuxOptions.InitialWindow)
        {
            ResourceUsage u = a.ResourceUsage;
            Assert.True(u.BufferedBytes <= u.MemoryBytes, $"{u.BufferedBytes} bytes buffered, {u.MemoryBytes} counted");
            peakMemory = Math.Max(peakMemory, u.MemoryBytes);
            peakBuffered = Math.Max(peakBuffered, u.BufferedBytes);
            await Task.Delay(10, cts.Token);
        }

        // Growth is a low-priority reservation: it stops at half the budget (initial windows of new streams included).
        Assert.True(peakMemory <= budget / 2 + 4 * YamuxOptions.InitialWindow, $"windows peaked at {peakMemory} bytes");
        Assert.True(peakBuffered <= peakMemory);
        Assert.Equal(0, a.ResourceUsage.Refusals.GetValueOrDefault(ResourceLimitKind.SystemMemory));
        await stopPushes.CancelAsync();
        await Task.WhenAll(pushes);
    }

    /// <summary>Opens a stream, retrying while the identify push announcing a new handler is on its way.</summary>
    private static async Task<Libp2pStream> OpenRetryingAsync(Libp2pHost from, Libp2pHost to, string protocol, CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                return await from.OpenStreamAsync(to.PeerId, protocol, cancellationToken);
            }
            catch (HostException e) when (e.Error == HostError.ProtocolNotSupported)
            {
                await Task.Delay(10, cancellationToken);
            }
        }
    }
}
