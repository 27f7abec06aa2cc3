// File messages (docs/files.md "Messages"): sealing file.offer/accept/decline/cancel/received into the outbox like
// receipts (they travel directly or through the mailbox), acting on received ones after FileTransferStore.Apply
// changed the transfer in the storing transaction, and the recovery a node does as it starts.
using System;
using System.Collections.Generic;
using System.IO;
using System.Security.Cryptography;
using System.Threading;
using System.Threading.Tasks;
using WotId.Node.Api;
using WotId.Node.Messaging;
using WotId.Node.Storage;
using WotId.Tsp.Messages;

namespace WotId.Node.Runtime;

public sealed partial class WotIdNode
{
    /// <summary>Seals the file.offer of outgoing <paramref name="t"/> into the outbox, then tries to deliver it now.</summary>
    private async Task QueueOfferAsync(Contact c, FileTransferRecord t, CancellationToken cancellationToken)
    {
        // Not woken: this call delivers it now (a loop round that takes it anyway is waited for by DeliverNowAsync).
        if (await QueueFileMessageAsync(c, WotMessageTypes.FileOffer, OfferPayload(t), cancellationToken, t.Id, wake: false).ConfigureAwait(false) is null)
        {
            return;
        }

        if (_profile.Messages.GetOutgoing(t.Id) is { State: OutboxState.Queued } entry)
        {
            // Both steps below are idempotent, so a loop round that delivered the offer and did the same is harmless.
            if (await DeliverNowAsync(c, entry, early: null, cancellationToken).ConfigureAwait(false) is { Via: { } via })
            {
                if (via == RejectedRoute)
                {
                    _profile.Files.Move(t.Id, FileTransferStore.Open, FileTransferStates.Failed, "refused_by_contact");
                    PublishEnded(c, t, "refused_by_contact");
                }
                else
                {
                    PublishSent(c, t.Id, via);
                }
            }
        }
    }

    /// <summary>
    /// Seals a file message into the outbox and wakes the outbox loop; returns its id, or null when it could not be
    /// sealed (no session and no bundle). A contact in key_changed holds it like any message.
    /// </summary>
    private async Task<string?> QueueFileMessageAsync(Contact c, string type, Dictionary<string, object> payload, CancellationToken cancellationToken,
        string? id = null, bool wake = true)
    {
        WotMessage message = WotMessage.Create(type, payload, _time, id);
        string? queued = null;
        await _crypto.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await EnsureSessionLockedAsync(c, cancellationToken).ConfigureAwait(false);
            queued = await _sealer.SealAndQueueAsync(c, message, cancellationToken).ConfigureAwait(false);
        }
        catch (MessagingException e)
        {
            Log.Rejected(_logger, type, e.Reason);
        }
        catch (NodeException)
        {
            Log.Delivery(_logger, message.Id, c.Name, "not queued: no session and no bundle");
        }
        finally
        {
            _crypto.Release();
        }

        if (wake)
        {
            _outboxWake.Set();
        }

        return queued;
    }

    /// <summary>Events and actions for a received file message (the transfer row changed already, or not: <see cref="OpenedMessage.FileApplied"/>).</summary>
    private async Task OnFileMessageAsync(OpenedMessage opened, WotMessage message, CancellationToken cancellationToken)
    {
        Contact c = opened.Contact;
        string id = message.Payload.GetProperty("file_id").GetString()!;
        if (!opened.FileApplied)
        {
            if (message.Type == WotMessageTypes.FileOffer && _profile.Files.Get(id) is null)
            {
                // Too many undecided offers from this contact (or a file_id that is not the offer's id).
                await QueueFileMessageAsync(c, WotMessageTypes.FileDecline, new Dictionary<string, object> { ["file_id"] = id, ["reason"] = "too_many" }, cancellationToken)
                    .ConfigureAwait(false);
            }

            return;
        }

        FileTransferRecord t = _profile.Files.Get(id)!;
        Log.FileTransfer(_logger, id, message.Type, c.Name);
        switch (message.Type)
        {
            case WotMessageTypes.FileOffer:
                _events.Publish(new NodeEvent(NodeEventKinds.FileOffered, _time.GetUtcNow(), c.Name, c.PeerId, Text: t.Name, Fingerprint: Invitations.DidFingerprint.Short(c.Did),
                    FileId: id, Bytes: 0, Size: t.Size));
                if (_profile.Files.AutoAccept(c.Id))
                {
                    try
                    {
                        await AcceptFileAsync(id, null, cancellationToken).ConfigureAwait(false);
                    }
                    catch (NodeException e)
                    {
                        Log.FileTransfer(_logger, id, "not accepted automatically", e.Message);
                    }
                }

                break;
            case WotMessageTypes.FileAccept:
                _events.Publish(new NodeEvent(NodeEventKinds.FileAccepted, _time.GetUtcNow(), c.Name, c.PeerId, FileId: id, Bytes: t.Transferred, Size: t.Size));
                // Also after a stream that ended: the receiver restarted and asks for the rest.
                _filesAwaitingReceipt.TryRemove(id, out _);
                _interruptionsAnnounced.TryRemove(id, out _); // going on: a later pause or break at this offset is news
                StartSending(t);
                break;
            case WotMessageTypes.FilePause:
                // The receiver cannot take the bytes: a stream still running ends (it would be refused anyway), and none
                // starts until the receiver's next file.accept.
                await _fileTasks.CancelAsync(id, TimeSpan.FromSeconds(5)).ConfigureAwait(false);
                if (_profile.Files.Get(id) is { State: FileTransferStates.Interrupted } paused)
                {
                    PublishInterrupted(c, paused);
                }

                break;
            case WotMessageTypes.FileDecline:
                PublishEnded(c, t, t.Reason ?? "declined");
                break;
            case WotMessageTypes.FileCancel:
                await _fileTasks.CancelAsync(id, TimeSpan.FromSeconds(5)).ConfigureAwait(false);
                if (!t.IsOutgoing)
                {
                    DeletePartial(id);
                }

                PublishEnded(c, t, t.Reason ?? "cancelled");
                break;
            case WotMessageTypes.FileReceived:
                PublishCompleted(c, id, t.Size);
                break;
        }
    }

    /// <summary>
    /// At start (docs/files.md "Resume"): streams that were running are interrupted; an offer recorded but not queued
    /// (killed in between) is queued; an incoming transfer whose verified file already reached its destination is
    /// completed (killed between the move and the record); a verified file waiting for space at its destination waits
    /// for the outbox loop; each other interrupted incoming transfer asks its sender to resume (file.accept with the
    /// durable offset); partial files of finished or unknown transfers are deleted.
    /// </summary>
    private async Task RecoverFileTransfersAsync(CancellationToken cancellationToken)
    {
        foreach (FileTransferRecord t in _profile.Files.Unfinished())
        {
            if (_profile.Contacts.Get(t.ContactId) is not { } c)
            {
                continue;
            }

            if (t.State == FileTransferStates.Transferring)
            {
                _profile.Files.Move(t.Id, [FileTransferStates.Transferring], FileTransferStates.Interrupted);
            }

            if (t.IsOutgoing && t.State == FileTransferStates.Queued && _profile.Messages.GetOutgoing(t.Id) is null)
            {
                await QueueFileMessageAsync(c, WotMessageTypes.FileOffer, OfferPayload(t), cancellationToken, t.Id).ConfigureAwait(false);
            }
            else if (!t.IsOutgoing && t.State is FileTransferStates.Transferring or FileTransferStates.Interrupted && !IsVerifiedAwaitingDestination(t)
                && !await TryCompleteMovedAsync(t, c, cancellationToken).ConfigureAwait(false))
            {
                await QueueFileMessageAsync(c, WotMessageTypes.FileAccept, new Dictionary<string, object> { ["file_id"] = t.Id, ["offset"] = t.Transferred }, cancellationToken)
                    .ConfigureAwait(false);
            }
        }

        string partials = Path.GetDirectoryName(PartialPath("x"))!;
        if (Directory.Exists(partials))
        {
            foreach (string file in Directory.EnumerateFiles(partials))
            {
                if (_profile.Files.Get(Path.GetFileName(file)) is not { IsFinished: false })
                {
                    DeletePartial(Path.GetFileName(file));
                }
            }
        }
    }

    private Dictionary<string, object> OfferPayload(FileTransferRecord t)
    {
        byte[] key = _profile.Files.Key(t.Id);
        try
        {
            var payload = new Dictionary<string, object>
            {
                ["file_id"] = t.Id, ["name"] = t.Name, ["size"] = t.Size, ["mime_type"] = t.MediaType,
                ["chunk_size"] = t.ChunkSize, ["key"] = Core.Encoding.Base64Url.Encode(key),
            };
            if (t.Blake3.Length != 0)
            {
                payload["blake3"] = t.Blake3; // optional: only a file already hashed announces it (docs/files.md "Messages")
            }

            return payload;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
        }
    }
}
