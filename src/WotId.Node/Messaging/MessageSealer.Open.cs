// Opening a sealed envelope (docs/node.md "Messaging", "A message, layer by layer", in this order): version and
// bounds → contact by DID hash (unknown_sender) → Signal decryption (a message key already used is a duplicate) →
// TSP signature by the contact's DID and receiver = own DID (bad_signature, wrong_recipient) → wot.id schema
// (malformed_message) → from the mailbox, a contact whose credential this node refused (refused_sender, docs/node.md
// "Refused contacts") → one transaction: Signal changes, identity key observation, dedup row, and the inbox row
// (or, for a receipt, the outbox states it reports).
using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using WotId.Node.Storage;
using WotId.Signal;
using WotId.Signal.Keys;
using WotId.Signal.Protocol;
using WotId.Tsp.Messages;
using WotId.Tsp.Wire;

namespace WotId.Node.Messaging;

internal sealed partial class MessageSealer
{
    /// <summary>Route names accepted for <c>via</c>.</summary>
    internal const string ViaDirect = "direct";

    /// <summary>Route name for messages read from the profile's mailbox.</summary>
    internal const string ViaMailbox = "mailbox";

    /// <summary>Bytes Signal adds around a plaintext, at most (PreKey message with its Kyber ciphertext, MAC, padding).</summary>
    private const int MaxSignalOverhead = 4096;

    /// <summary>
    /// Opens an envelope and stores the message exactly once (see the file comment). Returns the sender and the message,
    /// with <c>Duplicate</c> set when it had been stored before.
    /// </summary>
    /// <exception cref="MessagingException">Anything wrong with the envelope; nothing was stored.</exception>
    internal async ValueTask<OpenedMessage> OpenAndStoreAsync(ReadOnlyMemory<byte> sealedEnvelope, string via, CancellationToken ct)
    {
        if (via is not (ViaDirect or ViaMailbox))
        {
            throw new ArgumentException("via is \"direct\" or \"mailbox\"", nameof(via));
        }

        SealedEnvelope envelope = SealedEnvelopeCodec.Decode(sealedEnvelope);
        Contact contact = _profile.Contacts.GetByDidHash(envelope.SenderDidHash.Span)
            ?? throw new MessagingException(MessageRejectReason.UnknownSender, "no contact has this DID hash");
        ProtocolAddress address = Address(contact);
        await _lock.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            using var pending = new BufferedSignalStore(_profile.SignalStore, trustedForSending: null);
            byte[]? plaintext = await DecryptAsync(pending, address, envelope, ct).ConfigureAwait(false);
            if (plaintext is null)
            {
                return new OpenedMessage(contact, null, Duplicate: true);
            }

            (WotMessage message, byte[] json) = await VerifyAsync(contact, plaintext, ct).ConfigureAwait(false);
            if (via == ViaMailbox && contact.RefusedReason is not null)
            {
                // The Signal changes of the decryption are dropped with the message (a later message skips its key).
                throw new MessagingException(MessageRejectReason.RefusedSender, "this node refused the sender's credential");
            }

            (OutboxState? receipt, IReadOnlyList<string> ids) = ReadReceipt(message);
            byte[]? identity = pending.SavedIdentities.TryGetValue(address, out EcPublicKey? key) ? key.Serialize() : null;
            bool file = FileTransferStore.IsFileMessage(message.Type);
            bool fileApplied = false;
            bool fresh = _profile.Database.Write((c, t) =>
            {
                pending.Commit(c, t);
                if (identity is not null)
                {
                    _profile.Contacts.ObserveIdentityKey(c, t, contact.Id, identity);
                }

                bool stored = _profile.Messages.ReceiveInTransaction(c, t, contact.Id, message, json, via, storeInInbox: receipt is null && !file);
                if (stored && receipt is { } state)
                {
                    _profile.Messages.ApplyReceipt(c, t, contact.Id, ids, state);
                }

                if (stored && file)
                {
                    // File messages change their transfer in this transaction (docs/files.md "Messages").
                    fileApplied = _profile.Files.Apply(c, t, contact.Id, message, Files.FileProtocol.MaxPendingOffersPerContact);
                }

                return stored;
            });
            return new OpenedMessage(_profile.Contacts.Get(contact.Id) ?? contact, message, Duplicate: !fresh, fileApplied);
        }
        finally
        {
            _lock.Release();
        }
    }

    /// <summary>Decrypts into <paramref name="pending"/>; null when Signal reports the message key as used (a duplicate).</summary>
    private async ValueTask<byte[]?> DecryptAsync(BufferedSignalStore pending, ProtocolAddress address, SealedEnvelope envelope, CancellationToken ct)
    {
        try
        {
            var cipher = new SessionCipher(pending, address, _time);
            return await cipher.DecryptAsync(new CiphertextMessage(envelope.SignalType, envelope.Ciphertext.ToArray()), ct).ConfigureAwait(false);
        }
        catch (SignalProtocolException e) when (e.Error == SignalError.DuplicatedMessage)
        {
            return null;
        }
        catch (SignalProtocolException e)
        {
            throw new MessagingException(e.Error switch
            {
                SignalError.InvalidEncoding or SignalError.BadKeyType or SignalError.LegacyCiphertextVersion or SignalError.UnrecognizedCiphertextVersion
                    or SignalError.X3dhNotSupported or SignalError.MissingKyberPreKey => MessageRejectReason.Malformed,
                SignalError.NoSession => MessageRejectReason.NoSession,
                SignalError.InvalidPreKeyId or SignalError.InvalidKyberPreKeyId => MessageRejectReason.UnknownPreKey,
                SignalError.UntrustedIdentity or SignalError.SessionIdentityMismatch => MessageRejectReason.UntrustedIdentity,
                _ => MessageRejectReason.DecryptionFailed,
            }, "Signal: " + e.Error, e);
        }
    }

    /// <summary>The TSP and wot.id checks: signed by the contact's DID, addressed to us, a schema-valid wot.id message.</summary>
    private async ValueTask<(WotMessage Message, byte[] Json)> VerifyAsync(Contact contact, byte[] plaintext, CancellationToken ct)
    {
        try
        {
            (TspOpenedMessage tsp, WotMessage? message, byte[]? json) = await SignedWotMessage.OpenAsync(_verifier, plaintext, _profile.Did, ct).ConfigureAwait(false);
            if (!string.Equals(tsp.Sender, contact.Did, StringComparison.Ordinal))
            {
                throw new MessagingException(MessageRejectReason.BadSignature, "the TSP message is signed by another DID than the envelope names");
            }

            return message is not null && json is not null
                ? (message, json)
                : throw new MessagingException(MessageRejectReason.Malformed, "the TSP payload is not a wot.id message");
        }
        catch (TspException e) when (e.Error == TspError.ReceiverMismatch)
        {
            throw new MessagingException(MessageRejectReason.WrongRecipient, "the TSP message is addressed to another DID", e);
        }
        catch (TspException e) when (e.Error is TspError.SignatureInvalid or TspError.SignatureAlgorithmMismatch or TspError.UnknownSender or TspError.PayloadSenderMismatch)
        {
            throw new MessagingException(MessageRejectReason.BadSignature, "TSP: " + e.Error, e);
        }
        catch (TspException e)
        {
            throw new MessagingException(MessageRejectReason.Malformed, "TSP: " + e.Error, e);
        }
        catch (WotMessageException e)
        {
            throw new MessagingException(MessageRejectReason.Malformed, "wot.id message: " + e.Error, e);
        }
    }

    /// <summary>For <c>receipt.delivered</c> and <c>receipt.read</c>: the outbox state they report and the ids (schema-checked: 1..256).</summary>
    private static (OutboxState? State, IReadOnlyList<string> Ids) ReadReceipt(WotMessage message)
    {
        OutboxState? state = message.Type switch
        {
            WotMessageTypes.ReceiptDelivered => OutboxState.Delivered,
            WotMessageTypes.ReceiptRead => OutboxState.Read,
            _ => null,
        };
        if (state is null)
        {
            return (null, []);
        }

        var ids = new List<string>();
        foreach (JsonElement id in message.Payload.GetProperty("message_ids").EnumerateArray())
        {
            ids.Add(id.GetString()!);
        }

        return (state, ids);
    }
}
