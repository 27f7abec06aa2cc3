// The receiver's stream of /wotid/file/1.0.0 (docs/files.md "Wire format", "Resume", "Destination"): HELLO names an
// accepted incoming transfer of the contact on the other end of this verified connection; the partial file
// <home>/files/partial/<id> is cut back to the durable offset recorded in SQLite (bytes after it were never
// acknowledged), RESUME tells the sender the chunk to go on from, and FileReceivePump stores the rest. After the final
// chunk the whole file's SHA-256 is checked against the offer: a match moves it to the destination under a sanitised,
// free name and sends file.received; a mismatch fails the transfer, deletes the partial file and sends file.cancel.
using System;
using System.IO;
using System.Security.Cryptography;
using System.Threading;
using System.Threading.Tasks;
using WotId.Libp2p.Host;
using WotId.Node.Api;
using WotId.Node.Files;
using WotId.Node.Storage;
using WotId.Tsp.Messages;

namespace WotId.Node.Runtime;

public sealed partial class WotIdNode
{
    private async Task HandleFileStreamAsync(Libp2pStream stream, CancellationToken cancellationToken)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _stop.Token);
        string? id = null; // set once the HELLO names an accepted transfer of this peer
        string named = "?";
        string outcome = "refused";
        try
        {
            FileStreamHello hello;
            using (var helloTimeout = CancellationTokenSource.CreateLinkedTokenSource(linked.Token))
            {
                helloTimeout.CancelAfter(FileProtocol.HelloTimeout);
                hello = await ReadHelloAsync(stream, helloTimeout.Token).ConfigureAwait(false);
            }

            named = hello.FileId;
            if (_profile.Files.Get(hello.FileId) is not { IsOutgoing: false, State: FileTransferStates.Transferring or FileTransferStates.Interrupted } t
                || _profile.Contacts.Get(t.ContactId) is not { } c || c.PeerId != stream.RemotePeer.ToString())
            {
                throw new FileTransferException(FileTransferError.UnknownTransfer, "no accepted transfer with this id from this peer");
            }

            if (_fileTasks.IsRunning(t.Id) && t.Transferred >= t.Size)
            {
                throw new IOException("the transfer is being verified");
            }

            id = t.Id;
            // A newer stream for the same transfer replaces an older one (the sender saw it break first).
            await _fileTasks.CancelAsync(id, TimeSpan.FromSeconds(5)).ConfigureAwait(false);
            using FileTasks.Lease lease = _fileTasks.TryBegin(id, t.ContactId, outgoing: false, FileProtocol.MaxConcurrentReceivesPerContact, FileProtocol.MaxConcurrentReceives, linked.Token)
                ?? throw new IOException("too many file streams");
            outcome = await ReceiveOnStreamAsync(stream, hello, t, c, lease.Token).ConfigureAwait(false);
        }
        catch (FileTransferException e) when (id is not null && e.Error is FileTransferError.Authentication or FileTransferError.Malformed or FileTransferError.WriteFailed)
        {
            outcome = FileTransferException.Token(e.Error);
            stream.Abort();
            await FailIncomingAsync(id, outcome, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or ObjectDisposedException or UnauthorizedAccessException
            or Profile.ProfileException or Microsoft.Data.Sqlite.SqliteException or NodeException)
        {
            outcome = e is FileTransferException f ? FileTransferException.Token(f.Error) : e.GetType().Name;
            stream.Abort();
            if (id is not null)
            {
                TryMarkInterrupted(id);
            }
        }
        finally
        {
            Log.FileTransfer(_logger, named, "receiving stream", outcome);
        }
    }

    private static async Task<FileStreamHello> ReadHelloAsync(Libp2pStream stream, CancellationToken cancellationToken)
    {
        byte[] prefix = new byte[FileFrameCodec.HelloPrefixLength];
        await stream.ReadExactlyAsync(prefix, cancellationToken).ConfigureAwait(false);
        int n = FileFrameCodec.HelloIdLength(prefix);
        byte[] frame = new byte[FileFrameCodec.HelloPrefixLength + n + FileFrameCodec.HelloSuffixLength];
        prefix.CopyTo(frame, 0);
        await stream.ReadExactlyAsync(frame.AsMemory(FileFrameCodec.HelloPrefixLength), cancellationToken).ConfigureAwait(false);
        return FileFrameCodec.DecodeHello(frame);
    }

    /// <summary>Receives the rest of <paramref name="t"/>; returns the outcome for the log.</summary>
    private async Task<string> ReceiveOnStreamAsync(Libp2pStream stream, FileStreamHello hello, FileTransferRecord t, Contact c, CancellationToken cancellationToken)
    {
        var layout = new FileChunkLayout(t.Size, t.ChunkSize);
        string partialPath = PartialPath(t.Id);
        Directory.CreateDirectory(Path.GetDirectoryName(partialPath)!);
        _profile.Files.Move(t.Id, [FileTransferStates.Interrupted], FileTransferStates.Transferring);
        string? hash;
        var options = new FileStreamOptions { Mode = FileMode.OpenOrCreate, Access = FileAccess.ReadWrite, Share = FileShare.None, Options = FileOptions.Asynchronous, BufferSize = 0 };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        await using (FileStream partial = new(partialPath, options))
        {
            // Only the prefix recorded in SQLite is known durable and acknowledged; anything after it is cut off.
            long start = Math.Min(layout.ChunksWithin(t.Transferred), layout.ChunksWithin(partial.Length));
            if (start >= layout.ChunkCount)
            {
                start = layout.ChunkCount - 1; // Everything is there but the outcome was not recorded: take the last chunk again.
            }

            partial.SetLength(layout.Offset(start));
            partial.Seek(0, SeekOrigin.End);
            byte[] resume = new byte[FileFrameCodec.CountLength];
            FileFrameCodec.WriteCount(start, resume);
            await stream.WriteAsync(resume, cancellationToken).ConfigureAwait(false);
            PublishProgress(c, t, layout.Offset(start), force: true);
            using FileChunkCipher cipher = CreateCipher(t.Id, hello.Salt);
            using IncrementalHash? running = start == 0 ? IncrementalHash.CreateHash(HashAlgorithmName.SHA256) : null;
            byte[] ack = new byte[FileFrameCodec.CountLength];
            await FileReceivePump.ReceiveAsync(stream, partial, cipher, layout, start, running, _options.FileDurableEveryBytes, _options.FileDurableEveryTime, _time,
                async (chunks, ct) =>
            {
                long bytes = chunks >= layout.ChunkCount ? layout.Size : chunks * layout.ChunkSize;
                _profile.Files.SetTransferred(t.Id, bytes);
                _options.FaultPoint?.Invoke(FaultPoints.AfterFileChunkDurable); // crash and resume tests only
                FileFrameCodec.WriteCount(chunks, ack);
                await stream.WriteAsync(ack, ct).ConfigureAwait(false);
                PublishProgress(c, t, bytes, force: chunks >= layout.ChunkCount);
            }, cancellationToken).ConfigureAwait(false);
            hash = running is not null ? Convert.ToHexStringLower(running.GetHashAndReset()) : await HashPartialAsync(partial, cancellationToken).ConfigureAwait(false);
        }

        stream.CompleteWrites();
        if (!string.Equals(hash, t.Sha256, StringComparison.Ordinal))
        {
            await FailIncomingAsync(t.Id, FileTransferException.Token(FileTransferError.HashMismatch), cancellationToken).ConfigureAwait(false);
            return "hash mismatch";
        }

        string final = FileNames.MoveInto(partialPath, t.Directory ?? DownloadDirectory, t.Name);
        _profile.Files.Move(t.Id, FileTransferStore.Open, FileTransferStates.Completed, transferred: t.Size, path: final);
        _progressAt.TryRemove(t.Id, out _);
        _events.Publish(new NodeEvent(NodeEventKinds.FileCompleted, _time.GetUtcNow(), c.Name, c.PeerId, FileId: t.Id, Bytes: t.Size, Size: t.Size));
        await QueueFileMessageAsync(c, WotMessageTypes.FileReceived, new() { ["file_id"] = t.Id, ["sha256"] = t.Sha256 }, CancellationToken.None).ConfigureAwait(false);
        return "completed";
    }

    private FileChunkCipher CreateCipher(string id, byte[] salt)
    {
        byte[] key = _profile.Files.Key(id);
        try
        {
            return new FileChunkCipher(key, id, salt);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
        }
    }

    private static async Task<string> HashPartialAsync(FileStream partial, CancellationToken cancellationToken)
    {
        partial.Seek(0, SeekOrigin.Begin);
        byte[] digest = await SHA256.HashDataAsync(partial, cancellationToken).ConfigureAwait(false);
        return Convert.ToHexStringLower(digest);
    }

    /// <summary>Fails an incoming transfer for good: the partial file goes, the sender is told with file.cancel.</summary>
    private async Task FailIncomingAsync(string id, string reason, CancellationToken cancellationToken)
    {
        if (_profile.Files.Get(id) is not { IsOutgoing: false } t || !_profile.Files.Move(id, FileTransferStore.Open, FileTransferStates.Failed, reason))
        {
            return;
        }

        DeletePartial(id);
        _progressAt.TryRemove(id, out _);
        if (_profile.Contacts.Get(t.ContactId) is { } c)
        {
            PublishEnded(c, t, reason);
            await QueueFileMessageAsync(c, WotMessageTypes.FileCancel, new() { ["file_id"] = id, ["reason"] = reason }, cancellationToken).ConfigureAwait(false);
        }
    }
}
