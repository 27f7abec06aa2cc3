// Crash helper for tests/WotId.Node.Tests/Runtime/NodeCrashTests: opens the profile in HOME (passphrase in the
// environment variable WOTID_CRASH_PASSPHRASE), starts a WotIdNode whose FaultPoint hook kills this process with
// SIGKILL when the step STEP is reached (after printing "fault STEP"), and performs one action:
//   HOME STATUSDIR STEP send CONTACT TEXT   sends TEXT to CONTACT, prints "sent ID VIA" (or "queued"), stops
//   HOME STATUSDIR STEP run                 runs (the mailbox loop claims at start), prints "ready", stops when
//                                           standard input ends or reads a line
// STATUSDIR holds the status list credentials (LocalStatusListCache files); STEP "none" runs without a fault.
using System;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;
using WotId.Identity.Status;
using WotId.Node.Api;
using WotId.Node.Profile;
using WotId.Node.Runtime;
using WotId.Node.Storage;

namespace WotId.Node.CrashHelper;

internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        if (args.Length < 4 || (args[3] == "send" && args.Length != 6))
        {
            await Console.Error.WriteLineAsync("usage: HOME STATUSDIR STEP send CONTACT TEXT | HOME STATUSDIR STEP run").ConfigureAwait(false);
            return 2;
        }

        string passphrase = Environment.GetEnvironmentVariable("WOTID_CRASH_PASSPHRASE")
            ?? throw new InvalidOperationException("WOTID_CRASH_PASSPHRASE is not set");
        string step = args[2];
        var profileOptions = new ProfileOptions
        {
            Kdf = new KdfParameters(256, 1, 1),
            PreKeys = new PreKeyPolicy { OneTimePoolSize = 5, KyberPoolSize = 5, RefillBelow = 2 },
        };
        Profile.Profile profile = await Profile.Profile.OpenAsync(args[0], passphrase, profileOptions).ConfigureAwait(false);
        var options = new NodeOptions
        {
            StatusLists = new LocalStatusListCache(args[1]),
            DirectDeliveryTimeout = TimeSpan.FromSeconds(10),
            MailboxPollInterval = TimeSpan.FromMilliseconds(300),
            OutboxRetryInterval = TimeSpan.FromSeconds(1),
            FaultPoint = reached => KillAt(step, reached),
        };
        await using WotIdNode node = await WotIdNode.StartAsync(profile, options).ConfigureAwait(false);
        if (args[3] == "send")
        {
            try
            {
                SentMessage sent = await node.SendTextAsync(args[4], args[5]).ConfigureAwait(false);
                Print($"sent {sent.Id} {sent.Delivered}");
            }
            catch (NodeException e) when (e.Error == NodeError.Unreachable)
            {
                Print("queued");
            }

            return 0;
        }

        Print("ready");
        await Console.In.ReadLineAsync(CancellationToken.None).ConfigureAwait(false);
        return 0;
    }

    private static void KillAt(string step, string reached)
    {
        if (reached == step)
        {
            Print("fault " + reached);
            // SIGKILL: no finally block, no dispose, no flush of anything not yet committed.
            Process.GetCurrentProcess().Kill();
            Environment.FailFast("still alive after SIGKILL at " + reached);
        }
    }

    private static void Print(string line)
    {
        Console.Out.WriteLine(line);
        Console.Out.Flush();
    }
}
