// The receiver's write stage (docs/files.md "Resume", "Throughput"; FileReceivePump): takes the verified blocks in
// order, starts each one's write and appends it to the receiver's BLAKE3-256 while the write runs, and at the end of a
// batch fsyncs the partial file and only then calls the durable callback (the offset in SQLite, then the ACK), so
// nothing recorded as durable can be lost. A failure here cancels the read stage, which then rethrows it.
using System;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using WotId.Node.Files;

namespace WotId.Node.Runtime;

/// <summary>Writes, hashes and makes durable the blocks of a receiving stream.</summary>
internal sealed class FileReceiveWriter(PartialFileSink sink, FileContentHash? hash, Func<long, CancellationToken, ValueTask> durable,
    ChannelReader<FileReceiveWriter.Block> filled, ChannelWriter<Memory<byte>> free)
{
    /// <summary>
    /// <paramref name="Length"/> file bytes at the start of <paramref name="Buffer"/>; <paramref name="DurableChunks"/> is
    /// the chunk count to report after an fsync once they are written, or −1 when the batch goes on.
    /// </summary>
    internal readonly record struct Block(Memory<byte> Buffer, int Length, long DurableChunks);

    /// <summary>Runs until the read stage completes the channel; on failure cancels <paramref name="stop"/> and throws.</summary>
    internal async Task RunAsync(CancellationTokenSource stop)
    {
        try
        {
            CancellationToken token = stop.Token;
            await foreach (Block b in filled.ReadAllAsync(token).ConfigureAwait(false))
            {
                ReadOnlyMemory<byte> data = b.Buffer[..b.Length];
                ValueTask write = sink.WriteAsync(data, token);
                try
                {
                    if (hash is not null)
                    {
                        await FileHashing.AppendAsync(hash, data).ConfigureAwait(false);
                    }
                }
                finally
                {
                    await write.ConfigureAwait(false); // never left running over a block the read stage zeroes or reuses
                }
                if (b.DurableChunks >= 0)
                {
                    sink.Flush();
                    await durable(b.DurableChunks, token).ConfigureAwait(false);
                }

                free.TryWrite(b.Buffer);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException || !stop.IsCancellationRequested)
        {
            await stop.CancelAsync().ConfigureAwait(false);
            throw;
        }
    }
}
