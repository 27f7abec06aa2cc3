// Peaks of the soak server's resource counters and of the process heap, sampled every 500 ms.
using System;
using System.Threading;
using System.Threading.Tasks;
using WotId.Libp2p.Host;
using WotId.Libp2p.Host.Resources;

namespace WotId.Benchmarks.Libp2p;

/// <summary>Samples the server host until stopped.</summary>
internal sealed class SoakSampler(Libp2pHost host)
{
    public long PeakHeap { get; private set; }

    public long PeakWindows { get; private set; }

    public long PeakBuffered { get; private set; }

    public int PeakStreams { get; private set; }

    public int PeakPending { get; private set; }

    public async Task RunAsync(CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            PeakHeap = Math.Max(PeakHeap, GC.GetTotalMemory(false));
            ResourceUsage u = host.ResourceUsage;
            PeakWindows = Math.Max(PeakWindows, u.MemoryBytes);
            PeakBuffered = Math.Max(PeakBuffered, u.BufferedBytes);
            PeakStreams = Math.Max(PeakStreams, u.Streams);
            PeakPending = Math.Max(PeakPending, u.PendingInbound);
            try
            {
                await Task.Delay(500, stop).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
