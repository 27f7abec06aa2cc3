using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using WotId.Libp2p.Multiaddr;
using WotId.Libp2p.Transports;
using WotId.Testing.Libp2p;

namespace WotId.Libp2p.Tests.FakeTime;

/// <summary>Helpers for tests on fake time over the in-memory transport.</summary>
internal static class FakeClock
{
    /// <summary>
    /// Advances <paramref name="time"/> one <paramref name="step"/> at a time until <paramref name="done"/> completes and
    /// returns how much fake time that took. Between steps it yields briefly so the code under test can arm its next
    /// timer; nothing here measures real time.
    /// </summary>
    public static async Task<TimeSpan> AdvanceUntilAsync(FakeTimeProvider time, Task done, TimeSpan step, CancellationToken cancellationToken)
    {
        DateTimeOffset start = time.GetUtcNow();
        while (!done.IsCompleted)
        {
            cancellationToken.ThrowIfCancellationRequested();
            time.Advance(step);
            await Task.WhenAny(done, Task.Delay(5, cancellationToken));
        }

        await done;
        return time.GetUtcNow() - start;
    }

    /// <summary>A connected pair of in-memory transport connections (dialer first).</summary>
    public static async Task<(TransportConnection Dialer, TransportConnection Listener)> MemoryPairAsync(CancellationToken cancellationToken)
    {
        var transport = new MemoryTransport(new MemoryNetwork());
        ITransportListener listener = await transport.ListenAsync(MemoryTransport.AnyAddress, cancellationToken);
        await using (listener)
        {
            TransportConnection dialer = await transport.DialAsync(listener.LocalAddress, cancellationToken);
            TransportConnection accepted = await listener.AcceptAsync(cancellationToken);
            return (dialer, accepted);
        }
    }

    public static Multiaddress AddressOf(WotId.Libp2p.Host.Libp2pHost host) => host.AdvertisedAddresses[0];
}
