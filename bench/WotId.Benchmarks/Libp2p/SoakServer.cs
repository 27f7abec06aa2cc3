// The server side of the soak chat: acknowledges every message with its number and keeps, per peer, the highest
// number delivered, so the run can tell a first delivery from a duplicate (a message resent after a reconnect whose
// acknowledgement was lost) and from a gap (a message skipped: a loss the client would not see).
using System;
using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using WotId.Libp2p.Host;
using WotId.Libp2p.Peer;

namespace WotId.Benchmarks.Libp2p;

/// <summary>The soak server's chat handler and its delivery counters.</summary>
internal sealed class SoakServer
{
    private readonly ConcurrentDictionary<PeerId, StrongBox> _next = new();
    private long _delivered;
    private long _duplicates;
    private long _gaps;

    /// <summary>Messages delivered for the first time.</summary>
    public long Delivered => Interlocked.Read(ref _delivered);

    /// <summary>Messages received again (resent after a reconnect).</summary>
    public long Duplicates => Interlocked.Read(ref _duplicates);

    /// <summary>Messages that arrived after a later one was missing (must stay 0).</summary>
    public long Gaps => Interlocked.Read(ref _gaps);

    public async Task ServeAsync(Libp2pStream stream, CancellationToken cancellationToken)
    {
        StrongBox next = _next.GetOrAdd(stream.RemotePeer, _ => new StrongBox());
        var message = new byte[SoakConsole.MessageSize];
        var ack = new byte[4];
        while (true)
        {
            try
            {
                await stream.ReadExactlyAsync(message, cancellationToken).ConfigureAwait(false);
            }
            catch (EndOfStreamException)
            {
                return;
            }

            int n = BinaryPrimitives.ReadInt32LittleEndian(message);
            lock (next)
            {
                if (n < next.Value)
                {
                    Interlocked.Increment(ref _duplicates);
                }
                else
                {
                    if (n > next.Value)
                    {
                        Interlocked.Add(ref _gaps, n - next.Value);
                    }

                    next.Value = n + 1;
                    Interlocked.Increment(ref _delivered);
                }
            }

            message.AsSpan(0, 4).CopyTo(ack);
            await stream.WriteAsync(ack, cancellationToken).ConfigureAwait(false);
        }
    }

    private sealed class StrongBox
    {
        public int Value { get; set; }
    }
}
