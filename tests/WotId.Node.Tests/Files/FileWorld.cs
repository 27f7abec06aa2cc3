using System;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Threading.Tasks;
using WotId.Node.Api;
using WotId.Node.Runtime;
using WotId.Node.Tests.Runtime;
using NodeProfile = WotId.Node.Profile.Profile;

namespace WotId.Node.Tests.Files;

/// <summary>Two real nodes (alice sends, bob receives) on 127.0.0.1 with small file chunks, and helpers to make and wait for files.</summary>
internal static class FileWorld
{
    /// <summary>The runtime world's options with small chunks and frequent durability, and an optional fault hook.</summary>
    internal static NodeOptions Options(RuntimeWorld world, int chunkSize = 4096, int durableEvery = 16 * 1024, Action<string>? fault = null)
    {
        NodeOptions o = world.Options;
        return new NodeOptions
        {
            ListenAddresses = o.ListenAddresses,
            StatusLists = o.StatusLists,
            DirectDeliveryTimeout = o.DirectDeliveryTimeout,
            MailboxPollInterval = o.MailboxPollInterval,
            OutboxRetryInterval = o.OutboxRetryInterval,
            FileChunkSize = chunkSize,
            FileDurableEveryBytes = durableEvery,
            FaultPoint = fault,
        };
    }

    /// <summary>
    /// <see cref="Options"/> with 1 KiB chunks and 8 KiB batches for a receiver that holds its first durable batch
    /// (<see cref="FaultPoints.AfterFileChunkDurable"/>): <paramref name="holding"/> completes when it is held, and it goes
    /// on once <paramref name="release"/> completes (30 s at most), so a test can stop nodes mid-transfer.
    /// </summary>
    internal static NodeOptions HoldingFirstDurableBatch(RuntimeWorld world, TaskCompletionSource holding, Task release) =>
        Options(world, chunkSize: 1024, durableEvery: 8 * 1024, fault: p =>
        {
            if (p == FaultPoints.AfterFileChunkDurable && holding.TrySetResult())
            {
                release.Wait(TimeSpan.FromSeconds(30));
            }
        });

    /// <summary>A folder inside the world's temporary root.</summary>
    internal static string Folder(RuntimeWorld world, string name) => Path.Combine(Path.GetDirectoryName(world.SharedMailbox)!, name);

    /// <summary>A file of <paramref name="size"/> random bytes in a fresh folder.</summary>
    internal static string MakeFile(string folder, string name, int size)
    {
        Directory.CreateDirectory(folder);
        string path = Path.Combine(folder, name);
        File.WriteAllBytes(path, RandomNumberGenerator.GetBytes(size));
        return path;
    }

    /// <summary>Waits until the transfer <paramref name="id"/> at <paramref name="node"/> satisfies <paramref name="done"/>.</summary>
    internal static async Task<FileTransferSummary> WaitAsync(IWotIdNode node, string id, Func<FileTransferSummary, bool> done, int seconds = 60)
    {
        DateTime until = DateTime.UtcNow.AddSeconds(seconds);
        FileTransferSummary? last = null;
        while (DateTime.UtcNow < until)
        {
            last = (await node.GetFileTransfersAsync(TestProfiles.Ct)).FirstOrDefault(t => t.Id == id);
            if (last is not null && done(last))
            {
                return last;
            }

            await Task.Delay(50, TestProfiles.Ct);
        }

        throw new TimeoutException($"transfer {id} did not reach the expected state; last: {last}");
    }

    /// <summary>Creates alice and bob, starts both with <paramref name="options"/> and makes them contacts.</summary>
    internal static async Task<(WotIdNode Alice, WotIdNode Bob)> StartPairAsync(RuntimeWorld world, NodeOptions? aliceOptions = null, NodeOptions? bobOptions = null)
    {
        (NodeProfile alicePro, _) = await world.CreateAsync("alice");
        (NodeProfile bobPro, _) = await world.CreateAsync("bob");
        WotIdNode alice = await WotIdNode.StartAsync(alicePro, aliceOptions ?? Options(world), TestProfiles.Ct);
        WotIdNode bob = await WotIdNode.StartAsync(bobPro, bobOptions ?? Options(world), TestProfiles.Ct);
        await RuntimeWorld.IntroduceAsync(alice, "bob", bob, "alice");
        return (alice, bob);
    }
}
