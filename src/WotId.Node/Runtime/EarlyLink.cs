// A message link being opened while the message is still being sealed (docs/node.md "Offline delivery", "Session
// setup"): dialling, Noise, Yamux and the VerifiedHuman handshake do not depend on the sealed bytes, so SendTextAsync
// starts them first and seals (PQXDH, signature, outbox commit) in the meantime. The attempt is bounded by the
// direct delivery timeout; disposing cancels it if it is still running and waits for it, so no task outlives it.
using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using WotId.Libp2p.Host;

namespace WotId.Node.Runtime;

/// <summary>An outgoing link opened ahead of the frame that will use it.</summary>
internal sealed class EarlyLink : IAsyncDisposable
{
    private readonly CancellationTokenSource _timeout;
    private readonly CancellationTokenSource _stop;

    internal EarlyLink(Func<CancellationToken, Task<PeerLink>> open, TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken, CancellationToken stopping)
    {
        _timeout = new CancellationTokenSource(timeout, time);
        _stop = CancellationTokenSource.CreateLinkedTokenSource(_timeout.Token, cancellationToken, stopping);
        Link = open(_stop.Token);
    }

    /// <summary>The link, or the failure to open it (IOException, HostException, OperationCanceledException, ObjectDisposedException).</summary>
    internal Task<PeerLink> Link { get; }

    /// <summary>Cancels the attempt if it still runs and waits for it; its failure was reported to whoever awaited <see cref="Link"/>.</summary>
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        try
        {
            await Link.ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or HostException or ObjectDisposedException)
        {
        }

        _stop.Dispose();
        _timeout.Dispose();
    }
}
