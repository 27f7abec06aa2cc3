// Stopping gracefully (docs/node.md "Stopping"): a node started for one command (`wotid send`) often claims a message
// at start and queues its receipt. Before it stops, bounded by StopFlushTimeout in all, it lets the first claim round
// finish, lets delivery rounds already under way (the outbox loop, woken by that receipt) end, and hands the messages
// still queued to contacts over connections that are open now; nothing is dialled.
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
    internal static readonly TimeSpan StopFlushTimeout = TimeSpan.FromSeconds(10);

    // Set when the mailbox loop's first claim round ended (or there is no mailbox).
    private readonly TaskCompletionSource _firstClaimRound = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private async Task FlushOnStopAsync()
    {
        using var bound = new CancellationTokenSource(StopFlushTimeout, _time);
        try
        {
            await _firstClaimRound.Task.WaitAsync(bound.Token).ConfigureAwait(false);
            // A round under way holds its messages: skipping them here and then stopping would cancel that round.
            await Task.WhenAll(_sending.Values.Select(s => s.Task)).WaitAsync(bound.Token).ConfigureAwait(false);
            var rounds = new List<Task>();
            foreach (IGrouping<long, OutboxEntry> group in _profile.Messages.Outbox(OutboxState.Queued).GroupBy(e => e.ContactId))
            {
                if (_profile.Contacts.Get(group.Key) is { Verification: not ContactVerification.KeyChangedHeld } contact)
                {
                    // Like a loop round (message.sent raised for what it delivers), but only over open connections.
                    rounds.Add(RetryContactAsync(contact, group.ToList(), dial: false, bound.Token));
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
