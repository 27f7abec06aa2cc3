// libp2p/specs relay/circuit-v2.md, "Relay limits": the relay splices the hop stream of the source and the stop
// stream of the target, counting bytes per direction and the circuit's age; when a limit is hit both streams are
// reset (as go and js do). Each direction copies through one buffer of a fixed size, so a circuit holds at most two
// buffers however fast one side writes.
using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using WotId.Libp2p.Host;

namespace WotId.Libp2p.Protocols.Relay;

/// <summary>Copies bytes both ways between two streams within a <see cref="RelayLimit"/>.</summary>
internal static class CircuitBridge
{
    /// <summary>Relays until both directions ended (true), or a limit or an error reset both streams (false).</summary>
    public static async Task<bool> RunAsync(
        Libp2pStream a, Libp2pStream b, RelayLimit limit, int bufferSize, TimeProvider time, CancellationToken cancellationToken)
    {
        TimeSpan duration = limit.DurationSeconds == 0 ? Timeout.InfiniteTimeSpan : TimeSpan.FromSeconds(limit.DurationSeconds);
        using var scope = new TimeoutScope(time, duration, cancellationToken);
        using var failed = CancellationTokenSource.CreateLinkedTokenSource(scope.Token);
        Task<bool> ab = PumpAsync(a, b, limit.DataBytes, bufferSize, failed);
        Task<bool> ba = PumpAsync(b, a, limit.DataBytes, bufferSize, failed);
        bool[] done = await Task.WhenAll(ab, ba).ConfigureAwait(false);
        if (done[0] && done[1])
        {
            return true;
        }

        a.Abort();
        b.Abort();
        return false;
    }

    private static async Task<bool> PumpAsync(Libp2pStream from, Libp2pStream to, ulong maxBytes, int bufferSize, CancellationTokenSource failed)
    {
        var buffer = new byte[bufferSize];
        ulong total = 0;
        try
        {
            while (true)
            {
                int n = await from.ReadAsync(buffer, failed.Token).ConfigureAwait(false);
                if (n == 0)
                {
                    to.CompleteWrites();
                    return true;
                }

                total += (ulong)n;
                if (maxBytes != 0 && total > maxBytes)
                {
                    // Over the data limit: deliver what fits, then the circuit ends for both.
                    int fits = n - (int)(total - maxBytes);
                    if (fits > 0)
                    {
                        await to.WriteAsync(buffer.AsMemory(0, fits), failed.Token).ConfigureAwait(false);
                    }

                    await failed.CancelAsync().ConfigureAwait(false);
                    return false;
                }

                await to.WriteAsync(buffer.AsMemory(0, n), failed.Token).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException or ObjectDisposedException)
        {
            await failed.CancelAsync().ConfigureAwait(false);
            return false;
        }
    }
}
