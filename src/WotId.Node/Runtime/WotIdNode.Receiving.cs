// Receiving (docs/node.md "/wotid/msg/1.0.0", "Exactly once"): an inbound message stream is read frame by frame;
// each MESSAGE is opened and stored (message, session state and dedup row in one transaction, MessageSealer) before
// its ACK is written: stored, duplicate, or rejected (will never be stored). A storage failure that may pass (busy
// database, stopping) sends no ACK and resets the stream, so the sender retries. The same handling serves messages
// claimed from the mailbox: a new chat.text raises message.received and queues a receipt.delivered back; receipts
// move the outgoing message's state and raise receipt.delivered / receipt.read. Receipts are never answered.
using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using WotId.Libp2p.Host;
using WotId.Libp2p.Protocols;
using WotId.Node.Api;
using WotId.Node.Invitations;
using WotId.Node.Messaging;
using WotId.Node.Storage;
using WotId.Tsp.Messages;

namespace WotId.Node.Runtime;

public sealed partial class WotIdNode
{
    private async Task HandleMessageStreamAsync(Libp2pStream stream, CancellationToken cancellationToken)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _stop.Token);
        CancellationToken ct = linked.Token;
        string reason = "ended";
        try
        {
            while (true)
            {
                byte[]? body = await LengthPrefixed.ReadAsync(stream, MessageProtocol.MaxFrameBytes, ct).ConfigureAwait(false);
                if (body is null)
                {
                    break;
                }

                MessageFrame frame = MessageFrameCodec.Decode(body);
                if (frame.Kind != MessageFrameKind.Message)
                {
                    reason = "unexpected frame";
                    stream.Abort();
                    return;
                }

                Log.FrameStep(_logger, frame.Seq, "frame read");
                (AckStatus status, OpenedMessage? opened, _) = await OpenAsync(frame.Envelope, DeliveryRoutes.Direct, ct).ConfigureAwait(false);
                Log.FrameStep(_logger, frame.Seq, "opened and stored");
                _options.FaultPoint?.Invoke(FaultPoints.AfterStoreBeforeAck); // crash tests only
                try
                {
                    await LengthPrefixed.WriteAsync(stream, MessageFrameCodec.Encode(MessageFrame.Ack(frame.Seq, status)), ct).ConfigureAwait(false);
                    Log.FrameStep(_logger, frame.Seq, "ACK sent");
                }
                finally
                {
                    // Stored is stored: the event and the receipt follow even when the ACK could not be written (the
                    // connection closed, e.g. a relayed one replaced by a hole punch); the sender's retry is then
                    // acknowledged as a duplicate, which raises nothing.
                    if (opened is not null)
                    {
                        await OnReceivedAsync(opened, DeliveryRoutes.Direct, _stop.Token).ConfigureAwait(false);
                    }
                }
            }

            stream.CompleteWrites();
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or MessagingException or ObjectDisposedException or Profile.ProfileException or Microsoft.Data.Sqlite.SqliteException)
        {
            reason = e.GetType().Name;
            stream.Abort();
        }
        finally
        {
            Log.StreamEnded(_logger, stream.RemotePeer, reason);
        }
    }

    /// <summary>Opens and stores one sealed envelope: the ACK status, the message when it is new, the reason when rejected.</summary>
    private async Task<(AckStatus Status, OpenedMessage? Opened, MessageRejectReason? Reason)> OpenAsync(ReadOnlyMemory<byte> envelope, string via, CancellationToken cancellationToken)
    {
        await _crypto.WaitAsync(cancellationToken).ConfigureAwait(false);
        Log.MessageStep(_logger, via, "crypto lock taken");
        try
        {
            OpenedMessage opened = await _sealer.OpenAndStoreAsync(envelope, via, cancellationToken).ConfigureAwait(false);
            return opened.Duplicate ? (AckStatus.Duplicate, null, null) : (AckStatus.Stored, opened, null);
        }
        catch (MessagingException e) when (e.Reason == MessageRejectReason.Duplicate)
        {
            return (AckStatus.Duplicate, null, null);
        }
        catch (MessagingException e)
        {
            Log.Rejected(_logger, via, e.Reason);
            return (e.Reason == MessageRejectReason.UnknownPreKey ? AckStatus.RejectedUnknownPreKey : AckStatus.Rejected, null, e.Reason);
        }
        finally
        {
            _crypto.Release();
        }
    }

    /// <summary>Events, receipts and outbox states for a newly stored message.</summary>
    private async Task OnReceivedAsync(OpenedMessage opened, string via, CancellationToken cancellationToken)
    {
        if (opened.Message is not { } message)
        {
            return;
        }

        Contact contact = opened.Contact;
        string fingerprint = DidFingerprint.Short(contact.Did);
        switch (message.Type)
        {
            case WotMessageTypes.ChatText:
                string? text = message.Payload.TryGetProperty("content", out JsonElement content) ? content.GetString() : null;
                _events.Publish(NodeEventKinds.MessageReceived, contact: contact.Name, peerId: contact.PeerId, messageId: message.Id, text: text, via: via, fingerprint: fingerprint);
                await QueueReceiptAsync(contact, WotMessageTypes.ReceiptDelivered, message.Id, cancellationToken).ConfigureAwait(false);
                break;
            case WotMessageTypes.ReceiptDelivered:
            case WotMessageTypes.ReceiptRead:
                bool read = message.Type == WotMessageTypes.ReceiptRead;
                // MessageSealer applied the receipt to the outbox states in the transaction that stored it.
                foreach (string id in ReceiptIds(message))
                {
                    _events.Publish(read ? NodeEventKinds.ReceiptRead : NodeEventKinds.ReceiptDelivered, contact: contact.Name, peerId: contact.PeerId, messageId: id, via: via, fingerprint: fingerprint);
                }

                break;
            case WotMessageTypes.FileOffer:
            case WotMessageTypes.FileAccept:
            case WotMessageTypes.FileDecline:
            case WotMessageTypes.FileCancel:
            case WotMessageTypes.FileReceived:
            case WotMessageTypes.FilePause:
                await OnFileMessageAsync(opened, message, cancellationToken).ConfigureAwait(false);
                break;
        }
    }

    /// <summary>Seals a receipt for <paramref name="messageId"/> into the outbox and wakes the sender loop.</summary>
    private async Task QueueReceiptAsync(Contact contact, string type, string messageId, CancellationToken cancellationToken)
    {
        WotMessage receipt = WotMessage.Create(type, new Dictionary<string, string[]> { ["message_ids"] = [messageId] }, _time);
        await _crypto.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await EnsureSessionLockedAsync(contact, cancellationToken).ConfigureAwait(false);
            await _sealer.SealAndQueueAsync(contact, receipt, cancellationToken).ConfigureAwait(false);
            if (type == WotMessageTypes.ReceiptDelivered)
            {
                _profile.Messages.ReceiptQueued(contact.Id, messageId);
            }
        }
        catch (MessagingException e)
        {
            // A receipt to a contact whose key changed stays held like any message; others are logged.
            Log.Rejected(_logger, "receipt", e.Reason);
        }
        catch (NodeException)
        {
            Log.Delivery(_logger, messageId, contact.Name, "no receipt: no session and no bundle");
        }
        finally
        {
            _crypto.Release();
        }

        _outboxWake.Set();
    }

    private static IEnumerable<string> ReceiptIds(WotMessage receipt)
    {
        if (receipt.Payload.TryGetProperty("message_ids", out JsonElement ids) && ids.ValueKind == JsonValueKind.Array)
        {
            foreach (JsonElement id in ids.EnumerateArray())
            {
                if (id.GetString() is { } s)
                {
                    yield return s;
                }
            }
        }
    }
}
