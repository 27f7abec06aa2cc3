// The node facade (docs/node.md "Node facade"): everything a person or an app does with a running node. Two
// implementations: WotIdNode (in-process, owns the profile and the network) and the control API client (talks to
// the node of the same profile running in another process over its local control API). The CLI, the control API
// and the web page use this interface and nothing below it, so they behave the same whichever node answers.
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace WotId.Node.Api;

/// <summary>A running wot.id node. Failures throw <see cref="NodeException"/> with a <see cref="NodeError"/>.</summary>
public interface IWotIdNode : System.IAsyncDisposable
{
    /// <summary>Who this node is, where it listens, its credential, mailbox and counts.</summary>
    Task<NodeStatus> GetStatusAsync(CancellationToken cancellationToken = default);

    /// <summary>All contacts, by name.</summary>
    Task<IReadOnlyList<ContactSummary>> GetContactsAsync(CancellationToken cancellationToken = default);

    /// <summary>One contact by name (exact) or by DID fingerprint; <see cref="NodeError.UnknownContact"/> when none.</summary>
    Task<ContactSummary> GetContactAsync(string contact, CancellationToken cancellationToken = default);

    /// <summary>
    /// Verifies a <c>wotid:</c> invitation and adds its inviter as a contact named <paramref name="name"/> (or the name it
    /// suggests); given a <c>did:key</c> instead, looks its signed record up on the wot.id DHT and adds its owner the same
    /// way (docs/discovery.md "Contacts from a DID").
    /// </summary>
    Task<ContactSummary> AddContactAsync(string invitationUri, string? name, CancellationToken cancellationToken = default);

    /// <summary>Accepts a contact's changed Signal identity key; messages held for it are then sent.</summary>
    Task<ContactSummary> AcceptKeyChangeAsync(string contact, CancellationToken cancellationToken = default);

    /// <summary>
    /// Verifies <paramref name="credentialJws"/> as this profile's VerifiedHuman credential (vc+jwt: signature, type,
    /// validity period, subject), stores it and presents it from the next handshake on, without a restart.
    /// <see cref="NodeError.InvalidCredential"/> when it is not valid.
    /// </summary>
    Task<ImportedCredential> ImportCredentialAsync(string credentialJws, CancellationToken cancellationToken = default) =>
        throw new NodeException(NodeError.Failed, "this node cannot import a credential");

    /// <summary>A fresh signed invitation of this node (the <c>wotid:</c> URI).</summary>
    Task<string> CreateInvitationAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Sends a <c>chat.text</c> to <paramref name="contact"/> and returns once the contact's node acknowledged it
    /// (<see cref="DeliveryRoutes.Direct"/>) or it was deposited in the contact's mailbox (<see cref="DeliveryRoutes.Mailbox"/>).
    /// A message held because the contact's key changed throws <see cref="NodeError.KeyChangeHeld"/> and stays queued.
    /// </summary>
    Task<SentMessage> SendTextAsync(string contact, string text, CancellationToken cancellationToken = default);

    /// <summary>Received messages, oldest first, of one contact or of all.</summary>
    Task<IReadOnlyList<InboxMessage>> GetInboxAsync(string? contact = null, CancellationToken cancellationToken = default);

    /// <summary>The conversation with a contact (sent and received), oldest first, the last <paramref name="limit"/> entries.</summary>
    Task<IReadOnlyList<ConversationEntry>> GetConversationAsync(string contact, int limit = 100, CancellationToken cancellationToken = default);

    /// <summary>Marks a received message read and sends a read receipt (<c>receipt.read</c>) to its sender.</summary>
    Task MarkReadAsync(string contact, string messageId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Offers the file at <paramref name="path"/> to <paramref name="contact"/> (<c>file.offer</c>, docs/files.md) and
    /// returns the new transfer (queued or offered); the bytes flow once the contact accepts. Progress arrives as
    /// <see cref="NodeEventKinds.FileProgress"/> events.
    /// </summary>
    Task<FileTransferSummary> SendFileAsync(string contact, string path, CancellationToken cancellationToken = default);

    /// <summary>All file transfers, newest first.</summary>
    Task<IReadOnlyList<FileTransferSummary>> GetFileTransfersAsync(CancellationToken cancellationToken = default);

    /// <summary>Accepts an incoming offer; the verified file is saved in <paramref name="directory"/> (or the node's download directory).</summary>
    Task<FileTransferSummary> AcceptFileAsync(string id, string? directory = null, CancellationToken cancellationToken = default);

    /// <summary>Declines an incoming offer (the sender is told with <c>file.decline</c>).</summary>
    Task<FileTransferSummary> DeclineFileAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>Cancels a transfer in either direction (the other side is told with <c>file.cancel</c>); partial data is deleted.</summary>
    Task<FileTransferSummary> CancelFileAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>Accept files from <paramref name="contact"/> without asking (off by default), into the download directory.</summary>
    Task SetFileAutoAcceptAsync(string contact, bool enabled, CancellationToken cancellationToken = default);

    /// <summary>Events as they happen, from now on (bounded: a slow reader loses the oldest).</summary>
    IAsyncEnumerable<NodeEvent> ReadEventsAsync(CancellationToken cancellationToken = default);
}
