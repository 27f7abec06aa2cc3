// The receiver's stream of /wotid/file/5.0.0 (docs/files.md "Wire format", "Resume", "Destination"): HELLO names an
// accepted incoming transfer of the contact on the other end of this verified connection; the partial file
// <home>/files/partial/<id> is cut back to the durable offset recorded in SQLite (bytes after it were never
// acknowledged), RESUME tells the sender the chunk to go on from, and FileReceivePump stores the rest. The receiver
// hashes what it writes; a resumed stream first hashes the durable prefix of the partial file (read once more, while
// the sender already fills the stream window). After the final chunk the whole file's BLAKE3-256 must equal the one the
// sender sealed at the end of the final chunk, and the offer's when the offer carried one: a match moves the file to
// the destination under a sanitised, free name and sends file.received; a mismatch fails the transfer, deletes the
// partial file and sends file.cancel.
using System;
using System.Collections.Generic;
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
        catch (FileTransferException e) when (id is not null && e.Error is FileTransferError.DiskFull or FileTransferError.DestinationFull
            or FileTransferError.DestinationUnwritable)
        {
            // Not a failure: the durable prefix stays, and the sender's next stream (outbox loop) goes on from it once
            // there is space again; a verified file that the destination cannot take (no space, or not writable) waits
            // in the profile, and the outbox loop moves it there once it can. The reason shows in `wotid files` while
            // the transfer waits.
            outcome = FileTransferException.Token(e.Error);
            stream.Abort();
            if (TryMarkInterrupted(id, outcome))
            {
                await AskToPauseAsync(id, outcome).ConfigureAwait(false); // news: the sender waits for this node's file.accept
            }
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

    /// <summary>Queues file.pause (<paramref name="reason"/>) to the sender of incoming transfer <paramref name="id"/>; a failure is logged.</summary>
    private async Task AskToPauseAsync(string id, string reason)
    {
        try
        {
            if (_profile.Files.Get(id) is { } t && _profile.Contacts.Get(t.ContactId) is { } sender)
            {
                await QueueFileMessageAsync(sender, WotMessageTypes.FilePause, new Dictionary<string, object> { ["file_id"] = id, ["reason"] = reason },
                    _stop.Token).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or ObjectDisposedException or Profile.ProfileException
            or Microsoft.Data.Sqlite.SqliteException or NodeException)
        {
            Log.FileTransfer(_logger, id, "file.pause not queued", e.Message);
        }
    }

    /// <summary>
    /// Outbox loop: incoming transfers paused for disk_full whose rest now fits get their reason cleared and their
    /// sender asked to go on (file.accept with the durable offset), which starts its stream at once; verified files
    /// paused for destination_full or destination_unwritable are moved to their destination once it has the space and
    /// can be written (<see cref="TryMoveVerifiedAsync"/>).
    /// </summary>
    private async Task ResumeIncomingFilesWithSpaceAsync(IReadOnlyList<FileTransferRecord> unfinished, CancellationToken cancellationToken)
    {
        string diskFull = FileTransferException.Token(FileTransferError.DiskFull);
        foreach (FileTransferRecord t in unfinished)
        {
            if (t.IsOutgoing || t.State != FileTransferStates.Interrupted || _fileTasks.IsRunning(t.Id) || _profile.Contacts.Get(t.ContactId) is not { } sender)
            {
                continue;
            }

            if (IsVerifiedAwaitingDestination(t))
            {
                await TryMoveVerifiedAsync(t, sender).ConfigureAwait(false);
                continue;
            }

            if (t.Reason != diskFull && !IsDestinationReason(t.Reason) || !PartialSpace.RestFitsNow(t.Size, t.Transferred, PartialPath(t.Id)))
            {
                continue;
            }

            // (A destination reason without the whole verified file in the profile: received again, then verified again.)
            if (_profile.Files.ClearReason(t.Id))
            {
                _interruptionsAnnounced.TryRemove(t.Id, out _); // a disk full again, even at the same offset, is news
                await QueueFileMessageAsync(sender, WotMessageTypes.FileAccept, new Dictionary<string, object> { ["file_id"] = t.Id, ["offset"] = t.Transferred },
                    cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Whether <paramref name="reason"/> is destination_full or destination_unwritable.</summary>
    private static bool IsDestinationReason(string? reason) =>
        reason == FileTransferException.Token(FileTransferError.DestinationFull) || reason == FileTransferException.Token(FileTransferError.DestinationUnwritable);

    /// <summary>
    /// An incoming transfer paused for destination_full or destination_unwritable whose whole verified file is still in
    /// the partial folder: it needs no byte from the sender, only a destination folder that can take it.
    /// </summary>
    private bool IsVerifiedAwaitingDestination(FileTransferRecord t) =>
        !t.IsOutgoing && t.State == FileTransferStates.Interrupted && IsDestinationReason(t.Reason)
        && t.Transferred >= t.Size && t.Blake3.Length == FileProtocol.DigestLength * 2
        && new FileInfo(PartialPath(t.Id)) is { Exists: true } partial && partial.Length == t.Size;

    /// <summary>
    /// Moves the verified file of <paramref name="t"/> (paused for destination_full or destination_unwritable) to its
    /// destination when the destination's file system has room for it now (or says nothing about its room), then
    /// completes the transfer and sends file.received; a destination still full or unwritable leaves it paused (when the
    /// reason changed, the new one is recorded and sent to the sender). A lease on the transfer keeps a stream out meanwhile.
    /// </summary>
    private async Task TryMoveVerifiedAsync(FileTransferRecord t, Contact sender)
    {
        string directory = t.Directory ?? DownloadDirectory;
        if (t.Reason == FileTransferException.Token(FileTransferError.DestinationFull)
            && PartialSpace.Available(directory) is { } free && free < t.Size) // unknown (no folder yet, say): the move finds out
        {
            return;
        }

        using FileTasks.Lease? lease = _fileTasks.TryBegin(t.Id, t.ContactId, outgoing: false, FileProtocol.MaxConcurrentReceivesPerContact, FileProtocol.MaxConcurrentReceives, _stop.Token);
        if (lease is null)
        {
            return;
        }

        string final;
        try
        {
            final = MoveToDestination(t, PartialPath(t.Id));
        }
        catch (FileTransferException e) when (e.Error is FileTransferError.DestinationFull or FileTransferError.DestinationUnwritable)
        {
            string reason = FileTransferException.Token(e.Error);
            if (reason != t.Reason && TryMarkInterrupted(t.Id, reason))
            {
                Log.FileTransfer(_logger, t.Id, "verified file not moved", reason);
                await AskToPauseAsync(t.Id, reason).ConfigureAwait(false);
            }

            return;
        }
        catch (IOException e)
        {
            Log.FileTransfer(_logger, t.Id, "verified file not moved", e.Message);
            return;
        }

        _options.FaultPoint?.Invoke(FaultPoints.AfterFileMove); // crash tests only
        await CompleteIncomingAsync(t, sender, final, t.Blake3).ConfigureAwait(false);
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
        if (await TryCompleteMovedAsync(t, c, cancellationToken).ConfigureAwait(false))
        {
            stream.Abort(); // nothing to receive: the file is at its destination
            return "completed before";
        }

        var layout = new FileChunkLayout(t.Size, t.ChunkSize);
        string partialPath = PartialPath(t.Id);
        Directory.CreateDirectory(Path.GetDirectoryName(partialPath)!);
        if (IsVerifiedAwaitingDestination(t))
        {
            // A sender that does not know file.pause: its bytes are not needed, a destination that can take the file is.
            throw t.Reason == FileTransferException.Token(FileTransferError.DestinationUnwritable)
                ? new FileTransferException(FileTransferError.DestinationUnwritable, "the verified file waits for its destination folder to be writable")
                : new FileTransferException(FileTransferError.DestinationFull, "the verified file waits for space at its destination");
        }

        PartialSpace.EnsureRestFits(t.Size, t.Transferred, partialPath); // else disk_full before RESUME: nothing is written
        _profile.Files.Move(t.Id, [FileTransferStates.Interrupted], FileTransferStates.Transferring);
        string? hash; // the verified whole-file hash, null when the sender's differs from the bytes received
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
            using var running = new FileContentHash();
            await HashPrefixAsync(partial, layout.Offset(start), running, cancellationToken).ConfigureAwait(false);
            byte[] ack = new byte[FileFrameCodec.CountLength];
            byte[] claimed = await FileReceivePump.ReceiveAsync(stream, partial, cipher, layout, start, running, _options.FileDurableEveryBytes,
                _options.FileDurableEveryTime, _time, async (chunks, ct) =>
            {
                long bytes = chunks >= layout.ChunkCount ? layout.Size : chunks * layout.ChunkSize;
                _profile.Files.SetTransferred(t.Id, bytes);
                _options.FaultPoint?.Invoke(FaultPoints.AfterFileChunkDurable); // crash and resume tests only
                FileFrameCodec.WriteCount(chunks, ack);
                await stream.WriteAsync(ack, ct).ConfigureAwait(false);
                PublishProgress(c, t, bytes, force: chunks >= layout.ChunkCount);
            }, cancellationToken).ConfigureAwait(false);
            byte[] own = running.GetHashAndReset();
            hash = CryptographicOperations.FixedTimeEquals(own, claimed) ? Convert.ToHexStringLower(own) : null;
        }

        stream.CompleteWrites();
        if (hash is null || (t.Blake3.Length != 0 && !string.Equals(hash, t.Blake3, StringComparison.Ordinal)) || !_profile.Files.SetBlake3(t.Id, hash))
        {
            await FailIncomingAsync(t.Id, FileTransferException.Token(FileTransferError.HashMismatch), cancellationToken).ConfigureAwait(false);
            return "hash mismatch";
        }

        string final = MoveToDestination(t, partialPath);
        _options.FaultPoint?.Invoke(FaultPoints.AfterFileMove); // crash tests only
        await CompleteIncomingAsync(t, c, final, hash).ConfigureAwait(false);
        return "completed";
    }

    /// <summary>
    /// Moves the verified partial file to a free name in the destination, recording that name first (docs/files.md
    /// "Destination"), so a restart between the move and the completed record finds the file instead of a second copy.
    /// </summary>
    private string MoveToDestination(FileTransferRecord t, string partialPath)
    {
        for (int attempt = 0; attempt <= FileNames.MaxSuffix; attempt++)
        {
            string candidate = FileNames.FreeName(t.Directory ?? DownloadDirectory, t.Name);
            if (!_profile.Files.SetDestination(t.Id, candidate))
            {
                throw new IOException("the transfer ended while it was being completed");
            }

            _options.FaultPoint?.Invoke(FaultPoints.BeforeFileMove); // crash tests only
            if (FileNames.TryMoveTo(partialPath, candidate))
            {
                return candidate;
            }
        }

        throw new IOException("no free file name in the destination directory");
    }

    /// <summary>
    /// Sends file.received for the verified file at <paramref name="path"/>, then records the transfer completed. In
    /// this order: a node that stops in between finds the file at its recorded destination at its next start
    /// (<see cref="TryCompleteMovedAsync"/>), completes the transfer then and sends a second receipt, which the sender
    /// ignores; the other order lost the receipt when the node stopped in between, and the sender waited for it for ever.
    /// </summary>
    private async Task CompleteIncomingAsync(FileTransferRecord t, Contact c, string path, string hash)
    {
        await QueueFileMessageAsync(c, WotMessageTypes.FileReceived, new() { ["file_id"] = t.Id, ["blake3"] = hash }, CancellationToken.None).ConfigureAwait(false);
        _options.FaultPoint?.Invoke(FaultPoints.AfterFileReceiptQueued); // crash tests only
        if (t.Reason is not null)
        {
            _profile.Files.ClearReason(t.Id); // a destination_full or destination_unwritable pause no longer holds
        }

        if (!_profile.Files.Move(t.Id, FileTransferStore.Open, FileTransferStates.Completed, transferred: t.Size, path: path))
        {
            return;
        }

        _progressAt.TryRemove(t.Id, out _);
        PublishCompleted(c, t.Id, t.Size);
    }

    /// <summary>
    /// An incoming transfer whose verified file was moved to its recorded destination by a node that stopped before it
    /// recorded the transfer completed: no partial file, and at the recorded path a file of the transfer's size and
    /// verified hash. Completes the record (and sends file.received) without receiving anything again; false otherwise.
    /// </summary>
    private async Task<bool> TryCompleteMovedAsync(FileTransferRecord t, Contact c, CancellationToken cancellationToken)
    {
        if (t.IsOutgoing || t.Transferred < t.Size || t.Blake3.Length != FileProtocol.DigestLength * 2 || t.Path is not { } path
            || File.Exists(PartialPath(t.Id)) || !File.Exists(path) || new FileInfo(path).Length != t.Size)
        {
            return false;
        }

        byte[] digest;
        await using (FileStream file = new(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.Asynchronous | FileOptions.SequentialScan))
        {
            using var hash = new FileContentHash();
            await HashPrefixAsync(file, t.Size, hash, cancellationToken).ConfigureAwait(false);
            digest = hash.GetHashAndReset();
        }

        if (!string.Equals(Convert.ToHexStringLower(digest), t.Blake3, StringComparison.Ordinal))
        {
            return false;
        }

        Log.FileTransfer(_logger, t.Id, "recovery", "completed: the verified file was already at its destination");
        await CompleteIncomingAsync(t, c, path, t.Blake3).ConfigureAwait(false);
        return true;
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

    /// <summary>Appends the first <paramref name="bytes"/> bytes of <paramref name="partial"/> to <paramref name="hash"/>, then seeks to its end.</summary>
    private static async Task HashPrefixAsync(FileStream partial, long bytes, FileContentHash hash, CancellationToken cancellationToken)
    {
        if (bytes > 0)
        {
            byte[] buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(1024 * 1024);
            try
            {
                partial.Seek(0, SeekOrigin.Begin);
                for (long left = bytes; left > 0;)
                {
                    int n = await partial.ReadAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, left)), cancellationToken).ConfigureAwait(false);
                    if (n == 0)
                    {
                        throw new IOException("the file is shorter than the bytes to hash");
                    }

                    await FileHashing.AppendAsync(hash, buffer.AsMemory(0, n)).ConfigureAwait(false);
                    left -= n;
                }
            }
            finally
            {
                CryptographicOperations.ZeroMemory(buffer);
                System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
            }
        }

        partial.Seek(0, SeekOrigin.End);
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
