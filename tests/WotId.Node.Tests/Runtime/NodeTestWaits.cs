// Waiting helpers shared by the runtime tests: poll a condition with a bound, and count what a node's embedded
// mailbox holds.
using System;
using System.Threading;
using System.Threading.Tasks;
using WotId.Node.Api;

namespace WotId.Node.Tests.Runtime;

internal static class NodeTestWaits
{
    /// <summary>Polls <paramref name="condition"/> every 50 ms; fails (cancelled) after 60 s.</summary>
    public static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (!await condition())
        {
            await Task.Delay(50, cts.Token);
        }
    }

    /// <summary>Messages (pending or archived) in a node's embedded mailbox.</summary>
    public static async Task<int> MailboxCountAsync(MailboxSummary mailbox)
    {
        using var store = WotId.Mailbox.Embedded.EmbeddedMailboxStore.Open(mailbox.Location);
        WotId.Mailbox.Types.IotaAddress id = WotId.Mailbox.Types.IotaAddress.Parse(mailbox.Id);
        WotId.Mailbox.MessagePage page = await store.As(id).ListAsync(id, null, 50, TestProfiles.Ct);
        return page.Messages.Count;
    }
}
