// Console mode `node-file-cpu [n]` (issue 11 "MiB/s and CPU per GiB, next to the raw libp2p stream"; docs/benchmarks.md
// "File transfer"): n operations each (after one warm-up) of a 1 GiB file transfer between two running nodes (as in
// NodeFileTransferBenchmarks) and of a 1 GiB /perf download on one raw libp2p stream, alternating, in one process.
// For each it prints the wall time and the process CPU time (all threads: both nodes, both hosts, the fsyncs) per
// GiB, and first the CPU seconds of the per-byte parts alone (SHA-256, BLAKE3-256, ChaCha20-Poly1305, AES-256-GCM, AEGIS-256, reading the source, the
// sender's stages into a discarding stream, writing with an fsync every 32 MiB, buffered and as the receiver's write stage does it). CPU seconds per GiB depend much less on other work on the machine than wall time does, so their ratio says
// what the file path costs over the raw stream even on a shared machine; on an idle 2-core machine, 2 / (CPU s per
// GiB) bounds the rate either can reach.
using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using WotId.Benchmarks.Libp2p;
using WotId.Node.Api;
using WotId.Node.Runtime;

namespace WotId.Benchmarks.Node;

/// <summary>Wall and CPU time per GiB of the file transfer and the raw stream.</summary>
internal static class NodeFileCpu
{
    internal static async Task RunAsync(int count)
    {
        (NodeBenchWorld world, WotIdNode alice, WotIdNode bob) = await NodeChatThroughputBenchmarks.StartPairAsync();
        await using var aliceEvents = new NodeEventWatcher(alice, NodeEventKinds.FileCompleted, NodeEventKinds.FileEnded);
        await bob.SetFileAutoAcceptAsync("alice", true);
        string source = Path.Combine(world.Root, "source-1GiB.bin");
        byte[] block = System.Security.Cryptography.RandomNumberGenerator.GetBytes(1 << 20);
        await using (FileStream file = new(source, FileMode.CreateNew, FileAccess.Write, FileShare.None, 0))
        {
            for (int i = 0; i < 1024; i++)
            {
                await file.WriteAsync(block);
            }
        }

        await using PerfHostPair raw = await PerfHostPair.StartAsync();
        Console.WriteLine($"load average at the start: {NodeConsole.LoadAverage()}");
        await ComponentsAsync(source);
        var fileWall = new List<double>();
        var fileCpu = new List<double>();
        var rawWall = new List<double>();
        var rawCpu = new List<double>();
        for (int i = -1; i < count; i++)
        {
            (double w, double c) = await MeasureAsync(async () =>
            {
                FileTransferSummary offer = await alice.SendFileAsync("bob", source);
                Task<long> done = aliceEvents.WhenAsync(NodeEventKinds.FileCompleted, offer.Id);
                Task<long> ended = aliceEvents.WhenAsync(NodeEventKinds.FileEnded, offer.Id);
                if (await Task.WhenAny(done, ended).WaitAsync(TimeSpan.FromMinutes(10)) == ended)
                {
                    throw new InvalidOperationException("the transfer ended instead of completing");
                }

                foreach (FileTransferSummary t in (await bob.GetFileTransfersAsync()).Where(t => t.Id == offer.Id && t.Path is not null))
                {
                    File.Delete(t.Path!);
                }
            }, "file transfer");
            (double rw, double rc) = await MeasureAsync(() => raw.PerfAsync(1L << 30), "raw stream");
            if (i >= 0)
            {
                fileWall.Add(w);
                fileCpu.Add(c);
                rawWall.Add(rw);
                rawCpu.Add(rc);
            }
        }

        Console.WriteLine($"load average at the end: {NodeConsole.LoadAverage()}");
        Console.WriteLine($"1 GiB each, {count} operations after one warm-up, alternating");
        Console.WriteLine($"file transfer: wall {fileWall.Average():F2} s ({1024 / fileWall.Average():F0} MiB/s), CPU {fileCpu.Average():F2} s per GiB");
        Console.WriteLine($"raw stream:    wall {rawWall.Average():F2} s ({1024 / rawWall.Average():F0} MiB/s), CPU {rawCpu.Average():F2} s per GiB");
        Console.WriteLine($"file / raw: wall {fileWall.Average() / rawWall.Average():F2}x, CPU {fileCpu.Average() / rawCpu.Average():F2}x; " +
            $"raw rate / file rate = {rawWall.Average() / fileWall.Average():P0} of the raw stream");
        await alice.DisposeAsync();
        await bob.DisposeAsync();
        world.Dispose();
    }

    /// <summary>CPU seconds of the per-byte parts of the file path alone, on 1 GiB in 256 KiB pieces.</summary>
    private static async Task ComponentsAsync(string source)
    {
        byte[] data = new byte[256 * 1024];
        byte[] sealedChunk = new byte[data.Length + 16];
        byte[] key = new byte[32];
        byte[] nonce = new byte[12];
        Console.WriteLine("per-byte parts alone, 1 GiB each:");
        await MeasureAsync(() =>
        {
            using var hash = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256);
            for (int i = 0; i < 4096; i++)
            {
                hash.AppendData(data);
            }

            hash.GetHashAndReset();
            return Task.CompletedTask;
        }, "SHA-256 (the 3.0.0 whole-file hash)");
        byte[] block = new byte[1 << 20];
        using (var warm = new WotId.Node.Files.FileContentHash())
        {
            for (int i = 0; i < 256; i++)
            {
                warm.Append(i % 2 == 0 ? data : block); // JIT the managed BLAKE3 to its optimised tier before it is measured
            }
        }

        foreach ((byte[] piece, string what) in new[] { (data, "256 KiB updates, the sender's chunks"), (block, "1 MiB updates, the receiver's blocks") })
        {
            await MeasureAsync(() =>
            {
                using var hash = new WotId.Node.Files.FileContentHash();
                for (long done = 0; done < 1L << 30; done += piece.Length)
                {
                    hash.Append(piece);
                }

                hash.GetHashAndReset();
                return Task.CompletedTask;
            }, $"BLAKE3-256 (the 4.0.0 whole-file hash), {what}");
        }

        await MeasureAsync(() =>
        {
            using var aead = new System.Security.Cryptography.ChaCha20Poly1305(key);
            for (int i = 0; i < 4096; i++)
            {
                aead.Encrypt(nonce, data, sealedChunk.AsSpan(0, data.Length), sealedChunk.AsSpan(data.Length));
            }

            return Task.CompletedTask;
        }, "ChaCha20-Poly1305 seal (the 2.0.0 chunk cipher; Noise)");
        await MeasureAsync(() =>
        {
            using var aead = new System.Security.Cryptography.AesGcm(key, 16);
            for (int i = 0; i < 4096; i++)
            {
                aead.Encrypt(nonce, data, sealedChunk.AsSpan(0, data.Length), sealedChunk.AsSpan(data.Length));
            }

            return Task.CompletedTask;
        }, "AES-256-GCM seal (the 3.0.0 and 4.0.0 chunk cipher)");
        await MeasureAsync(() =>
        {
            byte[] aegisNonce = new byte[WotId.Crypto.Aegis256.NonceSize];
            byte[] tag = new byte[WotId.Crypto.Aegis256.TagSize];
            for (int i = 0; i < 4096; i++)
            {
                WotId.Crypto.Aegis256.Encrypt(key, aegisNonce, data, nonce, sealedChunk.AsSpan(0, data.Length), tag);
            }

            return Task.CompletedTask;
        }, "AEGIS-256 seal (the 5.0.0 chunk cipher)");
        await MeasureAsync(async () =>
        {
            await using FileStream file = new(source, FileMode.Open, FileAccess.Read, FileShare.Read, 0, FileOptions.Asynchronous);
            while (await file.ReadAsync(data) > 0)
            {
            }
        }, "read the source (page cache)");
        await MeasureAsync(async () =>
        {
            // FileSendPump as the node runs it (256 KiB chunks), into a stream that discards: the sender's file-path work
            // without libp2p (the source read, the whole-file BLAKE3-256, the chunk seals, the hand-overs between its stages).
            using var cipher = new WotId.Node.Files.FileChunkCipher(key, "bench", new byte[16]);
            await using FileStream file = new(source, FileMode.Open, FileAccess.Read, FileShare.Read, 0, FileOptions.Asynchronous | FileOptions.SequentialScan);
            var layout = new WotId.Node.Files.FileChunkLayout(file.Length, 256 * 1024);
            await FileSendPump.SendAsync(Stream.Null, file, cipher, layout, 0, null, null, null, default);
        }, "the sender's stages alone into a discarding stream (read, BLAKE3-256, chunk seal, hand-overs)");
        string copy = source + ".copy";
        await MeasureAsync(async () =>
        {
            await using FileStream file = new(copy, FileMode.Create, FileAccess.Write, FileShare.None, 0, FileOptions.Asynchronous);
            for (int i = 0; i < 4096; i++)
            {
                await file.WriteAsync(data);
                if (i % 128 == 127)
                {
                    file.Flush(flushToDisk: true);
                }
            }
        }, "write with an fsync every 32 MiB (buffered, 256 KiB writes)");
        File.Delete(copy);
        await MeasureAsync(async () =>
        {
            // The receiver's write stage since the two-stage receiver: 1 MiB aligned blocks, O_DIRECT where possible.
            Memory<byte> block = FileReceivePump.AlignedBlock(1 << 20);
            data.CopyTo(block);
            await using FileStream file = new(copy, FileMode.Create, FileAccess.ReadWrite, FileShare.None, 0, FileOptions.Asynchronous);
            var sink = new PartialFileSink(file, tryDirect: true);
            Console.Write(sink.IsDirect ? "  (O_DIRECT)" : "  (buffered: O_DIRECT refused)");
            for (int i = 0; i < 1024; i++)
            {
                await sink.WriteAsync(block, default);
                if (i % 32 == 31)
                {
                    sink.Flush();
                }
            }

            sink.Finish();
        }, "write in 1 MiB blocks with an fsync every 32 MiB (the receiver's write stage)");
        File.Delete(copy);
    }

    private static async Task<(double Wall, double Cpu)> MeasureAsync(Func<Task> run, string? what = null)
    {
        using Process self = Process.GetCurrentProcess();
        TimeSpan cpu0 = self.TotalProcessorTime;
        TimeSpan kernel0 = self.PrivilegedProcessorTime;
        long t0 = Stopwatch.GetTimestamp();
        await run();
        double wall = Stopwatch.GetElapsedTime(t0).TotalSeconds;
        self.Refresh();
        double cpu = (self.TotalProcessorTime - cpu0).TotalSeconds;
        Console.WriteLine($"  {what ?? "operation"}: wall {wall:F2} s, CPU {cpu:F2} s (kernel {(self.PrivilegedProcessorTime - kernel0).TotalSeconds:F2} s)");
        return (wall, cpu);
    }
}
