// kill -9 at random points (docs/files.md "Resume"): real `wotid run` processes for Alice and Bob; a seeded random
// sequence picks, for each of several rounds, the side to kill and the point (a durable offset the receiver reported,
// then a random delay of up to 200 ms, so the kill lands anywhere in the stream: mid-batch, mid-fsync, mid-ACK).
// After each restart the receiver's next stream starts at or above the last durable offset it reported (never from
// zero), and at the end the file is complete with the sender's SHA-256, the only file at the destination, and no
// partial file is left. The seed is printed to the test output; WOTID_KILL_SEED=<seed> replays a run.
using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;

namespace WotId.Cli.Tests.Nodes;

public sealed partial class FileTransferProcessTests
{
    [Fact]
    public async Task KillsOfEitherSideAtRandomPointsResumeAboveTheDurableOffsetAndLeaveOneWholeFile()
    {
        int seed = Environment.GetEnvironmentVariable("WOTID_KILL_SEED") is { Length: > 0 } s
            ? int.Parse(s, CultureInfo.InvariantCulture)
            : Random.Shared.Next();
        TestContext.Current.TestOutputHelper?.WriteLine($"random kills: WOTID_KILL_SEED={seed}");
        var random = new Random(seed);
        await using TwoPeople p = await TwoPeople.CreateAsync(_dir);
        await NetworkedVerbTests.ConnectAsync(p);
        const long Size = 512L << 20;
        string source = await WriteFileAsync("kills.bin", Size);
        // Both nodes log their file streams (debug level, standard error): a failure shows what each side did.
        WotidBackground alice = await RunAsync(p.Alice, "--log-level", "debug");
        WotidBackground bob = await RunAsync(p.Bob, "--log-level", "debug");
        try
        {
            string id = await OfferToAutoAcceptingBobAsync(p, source);
            int from = 0;
            long durable = 0;
            for (int round = 0; round < 3; round++)
            {
                bool killReceiver = random.Next(2) == 0;
                // Never past three quarters of the file, so the kill (at most 200 ms later) lands before the last
                // chunk even at 500 MiB/s: a kill between the move into place and the completed record is a known
                // gap (docs/files.md "What is missing"), not what this test is about.
                long target = durable + 1 + (long)(random.NextDouble() * 0.25 * Math.Max(0, (Size * 3 / 4) - durable));
                int delayMs = random.Next(0, 200);
                string reached = await bob.WaitForLineAsync(l => (IsProgress(l, id) && Bytes(l) >= target) || IsCompleted(l, id), s_wait, from);
                if (IsCompleted(reached, id) || Bytes(reached) >= Size)
                {
                    TestContext.Current.TestOutputHelper?.WriteLine($"seed {seed}: the transfer completed before round {round}");
                    break;
                }

                durable = Math.Max(durable, Bytes(reached));
                await Task.Delay(delayMs);
                string where = $"seed {seed}, round {round}: kill -9 of the {(killReceiver ? "receiver" : "sender")} at ≥ {durable} bytes durable, +{delayMs} ms";
                TestContext.Current.TestOutputHelper?.WriteLine(where);
                WotidBackground receiver = bob;
                if (killReceiver)
                {
                    await bob.DisposeAsync();
                    bob = await RunAsync(p.Bob, "--log-level", "debug");
                    from = 0;
                }
                else
                {
                    from = bob.LineCount;
                    await alice.DisposeAsync();
                    alice = await RunAsync(p.Alice, "--log-level", "debug");
                }

                // The kill came after the receiver completed the transfer (its last lines said so): nothing is left to
                // resume, and no later progress comes; the end state is checked below.
                if (receiver.Output.Split(" | ").Any(l => IsCompleted(l, id)))
                {
                    TestContext.Current.TestOutputHelper?.WriteLine($"{where}: the receiver had completed the transfer before the kill");
                    break;
                }

                // The first progress the receiver publishes after the kill: its (next) stream's start or a later ACK.
                string next = await WithBothSidesAsync(bob.WaitForLineAsync(l => IsProgress(l, id) || IsCompleted(l, id), s_wait, from), alice, bob, where);
                if (IsProgress(next, id))
                {
                    Assert.True(Bytes(next) >= durable, $"{where}: went on from {Bytes(next)}, below the durable {durable}");
                    durable = Bytes(next);
                }

                from = Math.Max(from, bob.LineCount - 1);
            }

            JsonElement received = await CompletedAsync(p.Bob, id);
            string path = received.GetProperty("path").GetString()!;
            Assert.Equal(await Sha256Async(source), await Sha256Async(path));
            Assert.Equal([path], Directory.GetFiles(Path.GetDirectoryName(path)!));
            string partials = Path.Combine(p.Bob, "files", "partial");
            Assert.True(!Directory.Exists(partials) || Directory.GetFiles(partials).Length == 0, $"seed {seed}: a partial file was left");
        }
        finally
        {
            await alice.DisposeAsync();
            await bob.DisposeAsync();
        }
    }

    /// <summary><paramref name="wait"/>; when it times out, the failure also shows both nodes' file-transfer log lines and Alice's events.</summary>
    private static async Task<string> WithBothSidesAsync(Task<string> wait, WotidBackground alice, WotidBackground bob, string where)
    {
        try
        {
            return await wait;
        }
        catch (TimeoutException e)
        {
            static string FileLines(WotidBackground node) =>
                string.Join(" | ", node.Errors.Split('\n').Where(l => l.Contains("File transfer", StringComparison.Ordinal) || l.Contains("fail", StringComparison.OrdinalIgnoreCase)).TakeLast(40));
            throw new TimeoutException($"{where}: {e.Message.Split("; errors:")[0]}\nAlice's events: {alice.Output}\nAlice's file log: {FileLines(alice)}\nBob's file log: {FileLines(bob)}", e);
        }
    }

    private static bool IsProgress(string line, string id) => Kind(line) == "file.progress" && line.Contains(id, StringComparison.Ordinal);

    private static bool IsCompleted(string line, string id) => Kind(line) == "file.completed" && line.Contains(id, StringComparison.Ordinal);
}
