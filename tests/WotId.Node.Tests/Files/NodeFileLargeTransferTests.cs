// End to end above 4 GiB (issue 11 "sizes above 4 GiB tested"; docs/files.md "Tests"): two real nodes on 127.0.0.1
// move a 4.5 GiB file with the default 256 KiB chunks and 32 MiB durable batches. The source is sparse (no 4.5 GiB
// write before the test) with random 1 MiB blocks at the start, across the 4 GiB boundary and at the end, so a
// misplaced, dropped or truncated chunk there changes the hash; the received copy is real data on disk and is checked
// by SHA-256 against the source. It takes tens of seconds on a loaded 2-core machine: Category=Slow, so a quick run
// can leave it out with --filter "Category!=Slow".
using System;
using System.IO;
using System.Security.Cryptography;
using System.Threading.Tasks;
using WotId.Node.Api;
using WotId.Node.Files;
using WotId.Node.Runtime;
using WotId.Node.Tests.Runtime;

namespace WotId.Node.Tests.Files;

[Trait("Category", "Slow")]
public sealed class NodeFileLargeTransferTests
{
    [Fact]
    public async Task FileAboveFourGibibytesArrivesWithTheSameHash()
    {
        const long Size = (4L << 30) + (512L << 20) + 12_345;
        using var world = new RuntimeWorld();
        NodeOptions options = FileWorld.Options(world, chunkSize: FileProtocol.DefaultChunkSize, durableEvery: FileProtocol.DurableEveryBytes);
        (WotIdNode alice, WotIdNode bob) = await FileWorld.StartPairAsync(world, options, options);
        await using (alice)
        await using (bob)
        {
            string source = Path.Combine(FileWorld.Folder(world, "src"), "disk.img");
            Directory.CreateDirectory(Path.GetDirectoryName(source)!);
            await using (var file = new FileStream(source, FileMode.CreateNew, FileAccess.Write))
            {
                file.SetLength(Size);
                foreach (long at in new[] { 0L, (4L << 30) - (1L << 19), Size - (1L << 20) })
                {
                    file.Seek(at, SeekOrigin.Begin);
                    await file.WriteAsync(RandomNumberGenerator.GetBytes(1 << 20), TestProfiles.Ct);
                }
            }

            await bob.SetFileAutoAcceptAsync("alice", true, TestProfiles.Ct);
            string id = (await alice.SendFileAsync("bob", source, TestProfiles.Ct)).Id;
            FileTransferSummary done = await FileWorld.WaitAsync(bob, id, t => t.State is FileTransferStates.Completed or FileTransferStates.Failed or FileTransferStates.Cancelled, seconds: 600);

            Assert.Equal((FileTransferStates.Completed, Size), (done.State, new FileInfo(done.Path!).Length));
            Assert.Equal(await HashAsync(source), await HashAsync(done.Path!));
            Assert.Equal(FileTransferStates.Completed, (await FileWorld.WaitAsync(alice, id, t => t.State == FileTransferStates.Completed)).State);
        }
    }

    private static async Task<byte[]> HashAsync(string path)
    {
        await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20, FileOptions.SequentialScan);
        return await SHA256.HashDataAsync(file, TestProfiles.Ct);
    }
}
