// The file calls of the facade (docs/files.md): offer a file (the transfer is recorded, the file.offer sealed into the
// outbox like any message, then sent directly or deposited in the mailbox, else left queued for the outbox loop),
// list transfers, accept, decline, cancel, and auto-accept per contact. The bytes flow in WotIdNode.FileSending.cs and
// WotIdNode.FileReceiving.cs; file messages are handled in WotIdNode.FileMessages.cs.
using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Threading;
using System.Threading.Tasks;
using WotId.Crypto;
using WotId.Node.Api;
using WotId.Node.Files;
using WotId.Node.Storage;
using WotId.Tsp.Messages;

namespace WotId.Node.Runtime;

public sealed partial class WotIdNode
{
    // Transfer id → the reason and bytes of the last file.interrupted raised for it (PublishInterrupted).
    private readonly ConcurrentDictionary<string, (string? Reason, long Bytes)> _interruptionsAnnounced = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public async Task<FileTransferSummary> SendFileAsync(string contact, string path, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        Contact c = Resolve(contact);
        string full;
        long size;
        try
        {
            // No hash here: the sender hashes while it streams and the final chunk carries the BLAKE3-256 (docs/files.md
            // "Wire format"), so a large file is read once, not twice, and the offer goes out at once.
            full = Path.GetFullPath(path);
            using FileStream probe = new(full, FileMode.Open, FileAccess.Read, FileShare.Read, 1);
            size = probe.Length;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new NodeException(NodeError.InvalidInput, "the file cannot be read: " + e.GetType().Name, e);
        }

        string id = Guid.CreateVersion7(_time.GetUtcNow()).ToString();
        string name = FileNames.Sanitize(Path.GetFileName(full));
        var record = new FileTransferRecord(id, c.Id, FileTransferDirections.Outgoing, name, size, FileMediaTypes.Guess(full), string.Empty,
            _options.FileChunkSize, FileTransferStates.Queued, 0, full, null, null, default, default);
        byte[] key = RandomBytes.Get(FileProtocol.KeyLength);
        try
        {
            _profile.Files.Insert(record, key);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
        }

        Log.FileTransfer(_logger, id, "offered", c.Name);
        await QueueOfferAsync(c, _profile.Files.Get(id)!, cancellationToken).ConfigureAwait(false);
        return Summary(_profile.Files.Get(id)!);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<FileTransferSummary>> GetFileTransfersAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        IReadOnlyList<FileTransferSummary> list = _profile.Files.List().Select(Summary).ToList();
        return Task.FromResult(list);
    }

    /// <inheritdoc />
    public async Task<FileTransferSummary> AcceptFileAsync(string id, string? directory = null, CancellationToken cancellationToken = default)
    {
        FileTransferRecord t = Transfer(id);
        if (t.IsOutgoing || t.State is not (FileTransferStates.Offered or FileTransferStates.Interrupted or FileTransferStates.Transferring))
        {
            throw new NodeException(NodeError.InvalidInput, $"the transfer is {t.Direction} and {t.State}; only an incoming offer can be accepted");
        }

        string? dir = null;
        if (directory is not null)
        {
            try
            {
                dir = Path.GetFullPath(directory);
                Directory.CreateDirectory(dir);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
            {
                throw new NodeException(NodeError.InvalidInput, "the destination directory cannot be used: " + e.GetType().Name, e);
            }
        }

        _profile.Files.Move(t.Id, FileTransferStore.Open, FileTransferStates.Transferring, directory: dir);
        Contact c = ContactOf(t);
        _events.Publish(new NodeEvent(NodeEventKinds.FileAccepted, _time.GetUtcNow(), c.Name, c.PeerId, FileId: t.Id, Bytes: t.Transferred, Size: t.Size));
        await QueueFileMessageAsync(c, WotMessageTypes.FileAccept, new Dictionary<string, object> { ["file_id"] = t.Id, ["offset"] = t.Transferred }, cancellationToken)
            .ConfigureAwait(false);
        return Summary(_profile.Files.Get(t.Id)!);
    }

    /// <inheritdoc />
    public async Task<FileTransferSummary> DeclineFileAsync(string id, CancellationToken cancellationToken = default)
    {
        FileTransferRecord t = Transfer(id);
        if (t.IsOutgoing || !_profile.Files.Move(t.Id, [FileTransferStates.Offered], FileTransferStates.Declined, "declined"))
        {
            throw new NodeException(NodeError.InvalidInput, $"the transfer is {t.Direction} and {t.State}; only an incoming offer can be declined");
        }

        Contact c = ContactOf(t);
        PublishEnded(c, t, "declined");
        await QueueFileMessageAsync(c, WotMessageTypes.FileDecline, new Dictionary<string, object> { ["file_id"] = t.Id, ["reason"] = "declined" }, cancellationToken)
            .ConfigureAwait(false);
        return Summary(_profile.Files.Get(t.Id)!);
    }

    /// <inheritdoc />
    public async Task<FileTransferSummary> CancelFileAsync(string id, CancellationToken cancellationToken = default)
    {
        FileTransferRecord t = Transfer(id);
        if (!_profile.Files.Move(t.Id, FileTransferStore.Open, FileTransferStates.Cancelled, "cancelled"))
        {
            throw new NodeException(NodeError.InvalidInput, $"the transfer is {t.State} already");
        }

        await _fileTasks.CancelAsync(t.Id, TimeSpan.FromSeconds(5)).ConfigureAwait(false);
        DeletePartial(t.Id);
        Contact c = ContactOf(t);
        PublishEnded(c, t, "cancelled");
        await QueueFileMessageAsync(c, WotMessageTypes.FileCancel, new Dictionary<string, object> { ["file_id"] = t.Id, ["reason"] = "cancelled" }, cancellationToken)
            .ConfigureAwait(false);
        return Summary(_profile.Files.Get(t.Id)!);
    }

    /// <inheritdoc />
    public Task SetFileAutoAcceptAsync(string contact, bool enabled, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        _profile.Files.SetAutoAccept(Resolve(contact).Id, enabled);
        return Task.CompletedTask;
    }

    /// <summary>The profile's default download directory.</summary>
    internal string DownloadDirectory => Path.Combine(_profile.Home, "downloads");

    private string PartialPath(string id) => Path.Combine(_profile.Home, "files", "partial", id);

    private void DeletePartial(string id)
    {
        try
        {
            File.Delete(PartialPath(id));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Log.FileTransfer(_logger, id, "partial file not deleted", e.Message);
        }
    }

    private FileTransferRecord Transfer(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        return _profile.Files.Get(id) ?? throw new NodeException(NodeError.UnknownFile, "no file transfer with this id");
    }

    private Contact ContactOf(FileTransferRecord t) =>
        _profile.Contacts.Get(t.ContactId) ?? throw new NodeException(NodeError.UnknownContact, "the transfer's contact was removed");

    private FileTransferSummary Summary(FileTransferRecord t) => new(t.Id, _profile.Contacts.Get(t.ContactId)?.Name ?? "", t.Direction, t.Name, t.Size,
        t.MediaType, t.Transferred, t.State,
        t.IsOutgoing || t.State == FileTransferStates.Completed ? t.Path : null, // an incoming path is the verified file's, recorded just before the move
        t.Reason, t.CreatedAt, t.UpdatedAt);

    private void PublishEnded(Contact c, FileTransferRecord t, string reason)
    {
        _interruptionsAnnounced.TryRemove(t.Id, out _);
        _events.Publish(new NodeEvent(NodeEventKinds.FileEnded, _time.GetUtcNow(), c.Name, c.PeerId, Reason: reason, FileId: t.Id, Bytes: t.Transferred, Size: t.Size));
    }

    private void PublishCompleted(Contact c, string id, long size)
    {
        _interruptionsAnnounced.TryRemove(id, out _);
        _events.Publish(new NodeEvent(NodeEventKinds.FileCompleted, _time.GetUtcNow(), c.Name, c.PeerId, FileId: id, Bytes: size, Size: size));
    }

    /// <summary>
    /// file.interrupted for <paramref name="t"/>, unless the last one for it said the same (reason and bytes): a sender
    /// retrying every OutboxRetryInterval against a full disk, or a stream that breaks again before any progress, raises
    /// it once. At most one remembered entry per unfinished transfer; forgotten when it completes or ends, and when it
    /// goes on (the sender got file.accept, the receiver found space again). Returns whether it raised the event.
    /// </summary>
    private bool PublishInterrupted(Contact c, FileTransferRecord t)
    {
        (string?, long) said = (t.Reason, t.Transferred);
        if (_interruptionsAnnounced.TryGetValue(t.Id, out (string?, long) last) && last == said)
        {
            return false;
        }

        _interruptionsAnnounced[t.Id] = said;
        _events.Publish(new NodeEvent(NodeEventKinds.FileInterrupted, _time.GetUtcNow(), c.Name, c.PeerId, Reason: t.Reason, FileId: t.Id, Bytes: t.Transferred, Size: t.Size));
        return true;
    }
}
