// File transfer between SimulatedNode instances, for the browser tests: an offer appears at once on the recipient
// (file.offered); accepting copies the file into the recipient's download folder and reports accepted, two progress
// steps and completed to both sides; declining and cancelling end it on both sides (file.ended). It checks the page
// and the upload endpoint, not the transfer protocol (that is the runtime's, tested there).
using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using WotId.Node.Api;

namespace WotId.Node.Tests.Control.Web;

internal sealed class SimulatedFiles(SimulatedNetwork network, string owner, Action<NodeEvent> publish) : IDisposable
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, FileTransferSummary> _transfers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _sources = new(StringComparer.Ordinal);
    private readonly HashSet<string> _autoAccept = new(StringComparer.Ordinal);

    /// <summary>Where accepted files are saved when no folder is given.</summary>
    internal string DownloadDirectory { get; } = Path.Combine(Path.GetTempPath(), "wotid-sim-dl-" + Guid.NewGuid().ToString("N")[..12]);

    internal IReadOnlyList<FileTransferSummary> All
    {
        get
        {
            lock (_gate)
            {
                return [.. _transfers.Values.OrderByDescending(t => t.CreatedAt)];
            }
        }
    }

    internal FileTransferSummary Send(SimulatedNode peer, string path)
    {
        FileInfo info = new(path);
        if (!info.Exists)
        {
            throw new NodeException(NodeError.InvalidInput, "no file at " + path);
        }

        DateTimeOffset now = DateTimeOffset.UtcNow;
        FileTransferSummary mine = new(
            "f-" + Guid.NewGuid().ToString("N")[..16], peer.Name, FileTransferDirections.Outgoing, info.Name, info.Length,
            "application/octet-stream", 0, FileTransferStates.Offered, path, null, now, now);
        Put(mine);
        peer.Files.Offered(mine with { Contact = owner, Direction = FileTransferDirections.Incoming, Path = null }, path);
        return mine;
    }

    internal FileTransferSummary Accept(string id, string? directory)
    {
        FileTransferSummary offer = Incoming(id);
        string folder = directory ?? DownloadDirectory;
        Directory.CreateDirectory(folder);
        string target = Path.Combine(folder, offer.Name);
        string source;
        lock (_gate)
        {
            source = _sources[id];
        }

        File.Copy(source, target, overwrite: true);
        SimulatedFiles sender = network.Node(offer.Contact).Files;
        foreach (SimulatedFiles side in new[] { this, sender })
        {
            side.Progress(id, NodeEventKinds.FileAccepted, 0);
            side.Progress(id, NodeEventKinds.FileProgress, offer.Size / 2);
            side.Progress(id, NodeEventKinds.FileProgress, offer.Size);
        }

        FileTransferSummary done = Update(id, t => t with { State = FileTransferStates.Completed, Transferred = t.Size, Path = target });
        sender.Update(id, t => t with { State = FileTransferStates.Completed, Transferred = t.Size });
        publish(new NodeEvent(NodeEventKinds.FileCompleted, DateTimeOffset.UtcNow, offer.Contact, FileId: id, Size: offer.Size));
        sender.Emit(new NodeEvent(NodeEventKinds.FileCompleted, DateTimeOffset.UtcNow, owner, FileId: id, Size: offer.Size));
        return done;
    }

    internal FileTransferSummary End(string id, string state)
    {
        FileTransferSummary t = Known(id);
        if (state == FileTransferStates.Declined)
        {
            Incoming(id);
        }

        SimulatedFiles other = network.Node(t.Contact).Files;
        FileTransferSummary ended = Update(id, x => x with { State = state, Reason = state });
        other.Update(id, x => x with { State = state, Reason = state });
        publish(new NodeEvent(NodeEventKinds.FileEnded, DateTimeOffset.UtcNow, t.Contact, FileId: id, Reason: state));
        other.Emit(new NodeEvent(NodeEventKinds.FileEnded, DateTimeOffset.UtcNow, owner, FileId: id, Reason: state));
        return ended;
    }

    internal void SetAutoAccept(string contact, bool enabled)
    {
        lock (_gate)
        {
            if (enabled)
            {
                _autoAccept.Add(contact);
            }
            else
            {
                _autoAccept.Remove(contact);
            }
        }
    }

    public void Dispose()
    {
        if (Directory.Exists(DownloadDirectory))
        {
            Directory.Delete(DownloadDirectory, recursive: true);
        }
    }

    private void Emit(NodeEvent e) => publish(e);

    private void Offered(FileTransferSummary offer, string source)
    {
        bool auto;
        lock (_gate)
        {
            _transfers[offer.Id] = offer;
            _sources[offer.Id] = source;
            auto = _autoAccept.Contains(offer.Contact);
        }

        publish(new NodeEvent(NodeEventKinds.FileOffered, DateTimeOffset.UtcNow, offer.Contact, FileId: offer.Id, Text: offer.Name, Size: offer.Size));
        if (auto)
        {
            Accept(offer.Id, null);
        }
    }

    private void Progress(string id, string kind, long bytes)
    {
        FileTransferSummary t = Update(id, x => x with { State = FileTransferStates.Transferring, Transferred = bytes });
        publish(new NodeEvent(kind, DateTimeOffset.UtcNow, t.Contact, FileId: id, Bytes: bytes, Size: t.Size));
    }

    private void Put(FileTransferSummary t)
    {
        lock (_gate)
        {
            _transfers[t.Id] = t;
        }
    }

    private FileTransferSummary Update(string id, Func<FileTransferSummary, FileTransferSummary> change)
    {
        lock (_gate)
        {
            FileTransferSummary t = change(_transfers[id]) with { UpdatedAt = DateTimeOffset.UtcNow };
            _transfers[id] = t;
            return t;
        }
    }

    private FileTransferSummary Known(string id)
    {
        lock (_gate)
        {
            return _transfers.TryGetValue(id, out FileTransferSummary? t) ? t : throw new NodeException(NodeError.UnknownFile, "no file transfer " + id);
        }
    }

    private FileTransferSummary Incoming(string id)
    {
        FileTransferSummary t = Known(id);
        return t.Direction == FileTransferDirections.Incoming && t.State == FileTransferStates.Offered
            ? t
            : throw new NodeException(NodeError.InvalidInput, "the transfer is not an open incoming offer");
    }
}
