// The sender's stream of /wotid/file/5.0.0 (docs/files.md "Wire format", "Resume"): for an accepted transfer, open
// a stream on the verified connection to the contact (dialling it if needed), send HELLO, read RESUME (the receiver's
// durable chunk count; the receiver is the authority on what it has), then the chunks from there, while a second task
// of this one reads the ACKs and records them as the transfer's progress. The whole-file BLAKE3-256 is computed while the
// chunks go out (a resumed stream hashes the source's prefix first, unless an earlier stream reached the end and
// recorded it) and sent at the end of the final chunk; it is recorded before that frame leaves, so the receipt
// (file.received with that hash) always finds it. A source written to during the stream (its last-write time changed)
// fails with source_changed before the final chunk; one changed between two streams fails the receiver's hash check. A broken stream leaves the transfer
// interrupted; the outbox loop starts it again later (StartSending is idempotent).
using System;
using System.Collections.Generic;
using System.IO;
using System.Security.Cryptography;
using System.Threading;
using System.Threading.Tasks;
using WotId.Crypto;
using WotId.Libp2p.Host;
using WotId.Libp2p.Peer;
using WotId.Node.Api;
using WotId.Node.Files;
using WotId.Node.Storage;
using WotId.Tsp.Messages;

namespace WotId.Node.Runtime;

public sealed partial class WotIdNode
{
    /// <summary>Starts the sending stream of outgoing <paramref name="t"/> unless it runs or the limits are reached (it is retried).</summary>
    private void StartSending(FileTransferRecord t)
    {
        if (!t.IsOutgoing || t.State is not (FileTransferStates.Transferring or FileTransferStates.Interrupted) || _stop.IsCancellationRequested
            || t.IsPausedByReceiver)
        {
            return; // (paused by the receiver's file.pause: its next file.accept starts the stream)
        }

        FileTasks.Lease? lease = _fileTasks.TryBegin(t.Id, t.ContactId, outgoing: true, FileProtocol.MaxConcurrentSendsPerContact, FileProtocol.MaxConcurrentSends, _stop.Token);
        if (lease is not null)
        {
            _fileTasks.Run(lease, l => SendStreamAsync(t.Id, l.Token));
        }
    }

    /// <summary>
    /// Starts the sending streams of accepted outgoing transfers that do not run (outbox loop), except those whose
    /// stream ended with every chunk acknowledged: they wait for file.received (or a file.accept asking for more), so a
    /// receiver busy hashing a large file is not interrupted by a new stream.
    /// </summary>
    private void ResumeOutgoingFiles(IReadOnlyList<FileTransferRecord> unfinished)
    {
        foreach (FileTransferRecord t in unfinished)
        {
            if (t.IsOutgoing && !_fileTasks.IsRunning(t.Id) && !_filesAwaitingReceipt.ContainsKey(t.Id))
            {
                StartSending(t);
            }
        }
    }

    private async Task SendStreamAsync(string id, CancellationToken cancellationToken)
    {
        if (_profile.Files.Get(id) is not { IsFinished: false } t || _profile.Contacts.Get(t.ContactId) is not { } c)
        {
            return;
        }

        string outcome = "sent";
        try
        {
            if (!PeerId.TryParse(c.PeerId, out PeerId? peer) || peer is null)
            {
                return;
            }

            _options.FaultPoint?.Invoke(FaultPoints.BeforeFileSendStream); // tests only
            var source = new FileStreamOptions { Mode = FileMode.Open, Access = FileAccess.Read, Share = FileShare.Read, Options = FileOptions.SequentialScan | FileOptions.Asynchronous, BufferSize = 0 };
            await using FileStream file = OpenSource(t, source);
            await _links.GetAsync(peer, c.Addresses, dial: true, cancellationToken).ConfigureAwait(false);
            Libp2pConnection connection = _links.VerifiedConnection(peer) ?? throw new IOException("no verified connection");
            Libp2pStream stream = await connection.OpenStreamAsync(FileProtocol.ProtocolId, cancellationToken).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                if (!_profile.Files.TryResumeSending(id) && _profile.Files.Get(id) is { State: FileTransferStates.Interrupted })
                {
                    stream.Abort(); // a file.pause arrived since this stream was started: the receiver's file.accept restarts it
                    outcome = "paused by the receiver";
                    return;
                }

                await SendOnStreamAsync(stream, file, t, c, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (FileTransferException e) when (e.Error == FileTransferError.SourceChanged)
        {
            outcome = "source changed";
            await FailOutgoingAsync(t, c, FileTransferException.Token(e.Error), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or ObjectDisposedException or UnauthorizedAccessException
            or Profile.ProfileException or Microsoft.Data.Sqlite.SqliteException or NodeException)
        {
            // Interrupted, to be resumed by the outbox loop; the task itself never fails (FileTasks awaits it at stop).
            outcome = e.GetType().Name;
            TryMarkInterrupted(id);
        }
        finally
        {
            Log.FileTransfer(_logger, id, "sending stream", outcome);
        }
    }

    /// <summary>
    /// Marks a running transfer interrupted (with <paramref name="reason"/>, an interrupted one too, so that disk_full
    /// shows) and raises file.interrupted when that is news (<see cref="PublishInterrupted"/>); returns whether it was.
    /// </summary>
    private bool TryMarkInterrupted(string id, string? reason = null)
    {
        try
        {
            string[] from = reason is null ? [FileTransferStates.Transferring] : [FileTransferStates.Transferring, FileTransferStates.Interrupted];
            return _profile.Files.Move(id, from, FileTransferStates.Interrupted, reason)
                && _profile.Files.Get(id) is { State: FileTransferStates.Interrupted } t && _profile.Contacts.Get(t.ContactId) is { } c
                && PublishInterrupted(c, t);
        }
        catch (Exception e) when (e is Profile.ProfileException or Microsoft.Data.Sqlite.SqliteException or ObjectDisposedException)
        {
            Log.FileTransfer(_logger, id, "state not recorded", e.Message);
            return false;
        }
    }

    private static FileStream OpenSource(FileTransferRecord t, FileStreamOptions options)
    {
        try
        {
            return new FileStream(t.Path!, options);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new FileTransferException(FileTransferError.SourceChanged, "the source file is gone", e);
        }
    }

    private async Task SendOnStreamAsync(Libp2pStream stream, FileStream file, FileTransferRecord t, Contact c, CancellationToken cancellationToken)
    {
        var layout = new FileChunkLayout(t.Size, t.ChunkSize);
        byte[] salt = RandomBytes.Get(FileProtocol.SaltLength);
        long hint = layout.ChunksWithin(t.Transferred);
        await stream.WriteAsync(FileFrameCodec.EncodeHello(new FileStreamHello(t.Id, hint, salt)), cancellationToken).ConfigureAwait(false);
        byte[] count = new byte[FileFrameCodec.CountLength];
        await stream.ReadExactlyAsync(count, cancellationToken).ConfigureAwait(false);
        long start = FileFrameCodec.ReadCount(count, layout.ChunkCount);
        byte[] key = _profile.Files.Key(t.Id);
        FileChunkCipher cipher;
        try
        {
            cipher = new FileChunkCipher(key, t.Id, salt);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
        }

        using (cipher)
        {
            using var acksDone = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            Task acks = ReadAcksAsync(stream, t, c, layout, acksDone.Token);
            byte[]? known = t.Blake3.Length == 0 ? null : Convert.FromHexString(t.Blake3);
            DateTime written = File.GetLastWriteTimeUtc(file.SafeFileHandle);
            try
            {
                await FileSendPump.SendAsync(stream, file, cipher, layout, start, known, digest => RecordDigest(t, file, written, known, digest), null, cancellationToken)
                    .ConfigureAwait(false);
                stream.CompleteWrites();
            }
            catch
            {
                await acksDone.CancelAsync().ConfigureAwait(false);
                stream.Abort();
                await acks.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                throw;
            }

            // The receiver acknowledges the final chunk once it is durable, then closes; the outcome comes as a message.
            await acks.ConfigureAwait(false);
            _filesAwaitingReceipt[t.Id] = 0;
        }
    }

    /// <summary>Before the final chunk leaves: the source was not written to during the stream, and its hash is recorded.</summary>
    private void RecordDigest(FileTransferRecord t, FileStream file, DateTime written, byte[]? known, byte[] digest)
    {
        if (File.GetLastWriteTimeUtc(file.SafeFileHandle) != written)
        {
            throw new FileTransferException(FileTransferError.SourceChanged, "the source file was written to while it was sent");
        }

        if (known is null && !_profile.Files.SetBlake3(t.Id, Convert.ToHexStringLower(digest)))
        {
            throw new FileTransferException(FileTransferError.SourceChanged, "the source file hashed differently than before");
        }
    }

    /// <summary>Reads ACK counts until the receiver closes; each is recorded and published as progress.</summary>
    private async Task ReadAcksAsync(Libp2pStream stream, FileTransferRecord t, Contact c, FileChunkLayout layout, CancellationToken cancellationToken)
    {
        byte[] count = new byte[FileFrameCodec.CountLength];
        while (true)
        {
            int read = 0;
            while (read < count.Length)
            {
                int n = await stream.ReadAsync(count.AsMemory(read), cancellationToken).ConfigureAwait(false);
                if (n == 0)
                {
                    if (read == 0)
                    {
                        return;
                    }

                    throw new FileTransferException(FileTransferError.Truncated, "the stream ended inside an ACK");
                }

                read += n;
            }

            long chunks = FileFrameCodec.ReadCount(count, layout.ChunkCount);
            long bytes = chunks >= layout.ChunkCount ? layout.Size : chunks * layout.ChunkSize;
            _profile.Files.SetTransferred(t.Id, bytes);
            PublishProgress(c, t, bytes, force: chunks >= layout.ChunkCount);
        }
    }

    private async Task FailOutgoingAsync(FileTransferRecord t, Contact c, string reason, CancellationToken cancellationToken)
    {
        if (_profile.Files.Move(t.Id, FileTransferStore.Open, FileTransferStates.Failed, reason))
        {
            PublishEnded(c, t, reason);
            await QueueFileMessageAsync(c, WotMessageTypes.FileCancel, new() { ["file_id"] = t.Id, ["reason"] = reason }, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>A file.progress event, at most one per <see cref="FileProtocol.ProgressInterval"/> per transfer unless forced.</summary>
    private void PublishProgress(Contact c, FileTransferRecord t, long bytes, bool force)
    {
        long now = _time.GetTimestamp();
        long last = _progressAt.TryGetValue(t.Id, out long at) ? at : 0;
        if (!force && last != 0 && _time.GetElapsedTime(last, now) < FileProtocol.ProgressInterval)
        {
            return;
        }

        _progressAt[t.Id] = now;
        _events.Publish(new NodeEvent(NodeEventKinds.FileProgress, _time.GetUtcNow(), c.Name, c.PeerId, FileId: t.Id, Bytes: bytes, Size: t.Size));
    }
}
