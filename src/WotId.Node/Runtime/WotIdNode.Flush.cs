// Stopping gracefully (docs/node.md "WotIdNode"): a node started for one command (`wotid send`) often has just
// queued a receipt for a message it claimed at start. Before it stops, one round bounded by StopFlushTimeout hands
// queued messages to contacts over connections that are open now; nothing is dialled and nothing waits longer.
// What is not handed over stays queued for the next start, as always.
using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using WotId.Node.Storage;

namespace WotId.Node.Runtime;

public sealed partial class WotIdNode
{
    /// <summary>Longest time a stopping node spends handing queued messages over open connections.</summary>
    internal static readonly TimeSpan StopFlushTimeout = TimeSpan.FromSeconds(3);

    private async Task FlushOnStopAsync()
    {
        using var bound = new CancellationTokenSource(StopFlushTimeout, _time);
        try
        {
            var rounds = new List<Task>();
            foreach (IGrouping<long, OutboxEntry> group in _profile.Messages.Outbox(OutboxState.Queued).GroupBy(e => e.ContactId))
            {
                if (_profile.Contacts.Get(group.Key) is { Verification: not ContactVerification.KeyChangedHeld } contact)
                {
                    rounds.Add(DeliverAsync(contact, group.ToList(), dial: false, depositNow: false, bound.Token));
                }
            }

            await Task.WhenAll(rounds).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (bound.IsCancellationRequested)
        {
            // Bounded: the rest stays queued.
        }
        catch (Exception e)
        {
            // Stopping goes on whatever failed here; the messages stay queued.
            Log.LoopFailed(_logger, "flush on stop", e);
        }
    }
}
