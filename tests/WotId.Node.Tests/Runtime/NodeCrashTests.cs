// Exactly once across crashes (docs/node.md "Exactly once", table "Kill at step"): for each fault point a real child
// process (WotId.Node.CrashHelper) running Alice's or Bob's node is killed with SIGKILL at that step; then both nodes
// run normally and, once the outbox has settled, Bob holds the message exactly once, Alice's copy is sent, deposited
// or delivered (never queued, never twice), and Bob's mailbox holds nothing.
using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using WotId.Identity.Status;
using WotId.Mailbox;
using WotId.Mailbox.Embedded;
using WotId.Node.Api;
using WotId.Node.Profile;
using WotId.Node.Runtime;
using NodeProfile = WotId.Node.Profile.Profile;

namespace WotId.Node.Tests.Runtime;

[Trait("Category", "Crash")]
public sealed class NodeCrashTests
{
    // Delivered: Bob's receipt.delivered reached Alice, whatever step was killed (an owed receipt is queued at restart).
    private static readonly string[] Settled = ["delivered", "read"];

    public static TheoryData<string> Steps => new(FaultPoints.All);

    [Theory]
    [MemberData(nameof(Steps))]
    public async Task KilledAtStepLosesNothingAndDuplicatesNothing(string step)
    {
        using var world = new RuntimeWorld();
        (NodeProfile alicePro, _) = await world.CreateAsync("alice");
        (NodeProfile bobPro, _) = await world.CreateAsync("bob");
        string aliceHome = alicePro.Home;
        string bobHome = bobPro.Home;
        EmbeddedMailboxSettings bobBox = bobPro.Mailbox!;
        await using (WotIdNode a = await world.StartAsync(alicePro))
        await using (WotIdNode b = await world.StartAsync(bobPro))
        {
            await RuntimeWorld.IntroduceAsync(a, "bob", b, "alice");
        }

        // The child process reads the status lists from files.
        string statusDirectory = Path.Combine(Path.GetDirectoryName(aliceHome)!, "status-lists");
        new LocalStatusListCache(statusDirectory).Put(world.Issuer.State.StatusListUrl, world.Issuer.IssueStatusListCredential());
        string text = "killed at " + step;
        WotIdNode? alice = null;
        WotIdNode? bob = null;
        try
        {
            // 1. The killed run.
            switch (step)
            {
                case FaultPoints.BeforeSend or FaultPoints.AfterDeposit:
                    // Bob is offline: nothing (before-send) or the deposit (after-deposit) happened.
                    await RunKilledAsync(CrashChild.Start(aliceHome, statusDirectory, step, "send", "bob", text), step);
                    break;
                case FaultPoints.AfterFrameSentBeforeAck:
                    bob = await world.StartAsync(await world.OpenAsync("bob"));
                    await RunKilledAsync(CrashChild.Start(aliceHome, statusDirectory, step, "send", "bob", text), step);
                    break;
                case FaultPoints.AfterStoreBeforeAck:
                    await using (CrashChild child = CrashChild.Start(bobHome, statusDirectory, step, "run"))
                    {
                        await child.WaitForLineAsync("ready");
                        alice = await world.StartAsync(await world.OpenAsync("alice"));
                        // Bob dies before his ACK: Alice falls back to his mailbox.
                        SentMessage sent = await alice.SendTextAsync("bob", text, TestProfiles.Ct);
                        Assert.Equal(DeliveryRoutes.Mailbox, sent.Delivered);
                        await AssertKilledAsync(child, step);
                    }

                    break;
                default:
                    // after-claim, before-delete: the message waits in Bob's mailbox, then Bob's node claims it.
                    alice = await world.StartAsync(await world.OpenAsync("alice"));
                    Assert.Equal(DeliveryRoutes.Mailbox, (await alice.SendTextAsync("bob", text, TestProfiles.Ct)).Delivered);
                    await RunKilledAsync(CrashChild.Start(bobHome, statusDirectory, step, "run"), step);
                    break;
            }

            // 2. Both nodes run normally until the message is in Bob's inbox, Alice holds his receipt, and the mailbox is empty.
            bob ??= await world.StartAsync(await world.OpenAsync("bob"));
            alice ??= await world.StartAsync(await world.OpenAsync("alice"));
            using EmbeddedMailboxStore store = EmbeddedMailboxStore.Open(world.SharedMailbox);
            IMailbox bobMailbox = store.As(bobBox.Account);
            await WaitUntilAsync(async () =>
                (await bob.GetInboxAsync("alice", TestProfiles.Ct)).Any(m => m.Text == text)
                && (await alice.GetConversationAsync("bob", cancellationToken: TestProfiles.Ct)).Any(e => e.Outgoing && e.Text == text && Settled.Contains(e.State))
                && (await bobMailbox.ListAsync(bobBox.Handle.MailboxId, null, MailboxLimits.MaxListPageSize, TestProfiles.Ct)).Messages.Count == 0);

            InboxMessage received = Assert.Single(await bob.GetInboxAsync("alice", TestProfiles.Ct));
            Assert.Equal(text, received.Text);
            ConversationEntry outgoing = Assert.Single(await alice.GetConversationAsync("bob", cancellationToken: TestProfiles.Ct), e => e.Outgoing);
            Assert.Equal(received.Id, outgoing.Id);
            Assert.Contains(outgoing.State, Settled);
            TestContext.Current.TestOutputHelper?.WriteLine($"{step}: received via {received.Via}, Alice's copy {outgoing.State} via {outgoing.Via}");
            Assert.Empty((await bobMailbox.ListAsync(bobBox.Handle.MailboxId, null, MailboxLimits.MaxListPageSize, TestProfiles.Ct)).Messages);
        }
        finally
        {
            if (alice is not null)
            {
                await alice.DisposeAsync();
            }

            if (bob is not null)
            {
                await bob.DisposeAsync();
            }
        }
    }

    private static async Task RunKilledAsync(CrashChild child, string step)
    {
        await using (child)
        {
            await AssertKilledAsync(child, step);
        }
    }

    /// <summary>The child reached <paramref name="step"/> and died there by SIGKILL (never a normal exit).</summary>
    private static async Task AssertKilledAsync(CrashChild child, string step)
    {
        int code = await child.WaitForExitAsync();
        IReadOnlyList<string> lines = child.Lines;
        Assert.True(lines.Contains("fault " + step), $"the helper did not reach {step} (exit {code}): {string.Join(" | ", lines)} {await child.ErrorAsync()}");
        Assert.Equal(128 + 9, code); // killed by signal 9, nothing ran after the fault point
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestProfiles.Ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(120));
        while (!await condition())
        {
            await Task.Delay(200, timeout.Token);
        }
    }
}
