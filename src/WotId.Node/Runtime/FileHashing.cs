// Every BLAKE3 update of a file transfer's bytes runs on LowPriorityWork's lowered-priority threads (docs/files.md
// "Chat during a transfer"): the receiver's per-block update, and the passes over a prefix that a resumed transfer
// hashes again at either end (up to the whole file).
using System;
using System.Threading;
using System.Threading.Tasks;
using WotId.Node.Files;

namespace WotId.Node.Runtime;

/// <summary>Appends file bytes to a <see cref="FileContentHash"/> at a lowered priority.</summary>
internal static class FileHashing
{
    /// <summary>
    /// Appends <paramref name="data"/> to <paramref name="hash"/> on a lowered-priority thread. Not cancellable once
    /// queued (a fraction of a millisecond per MiB), so the hash never misses or half-takes a block.
    /// </summary>
    internal static Task AppendAsync(FileContentHash hash, ReadOnlyMemory<byte> data) =>
        LowPriorityWork.RunAsync(static h => h.Hash.Append(h.Data.Span), new HashUpdate(hash, data), CancellationToken.None);

    private readonly record struct HashUpdate(FileContentHash Hash, ReadOnlyMemory<byte> Data);
}
