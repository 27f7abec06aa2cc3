// A stand-in node for the two-page browser tests while the real runtime (WotIdNode) is not built: two or more of
// these share a SimulatedNetwork that carries messages between them at once when the recipient is online, or keeps
// them in the recipient's "mailbox" until it comes back and claims them; receipts and handshake outcomes are the
// events the real node documents (NodeEventKinds); files move between them as SimulatedFiles describes. It checks
// the page and the HTTP layer across two servers, not the network: the same story against real nodes belongs in the runtime's tests once it exists.
using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using WotId.Node.Api;
using WotId.Testing;

namespace WotId.Node.Tests.Control.Web;

internal sealed class SimulatedNode(SimulatedNetwork network, string name, string? handshakeFailure = null) : IWotIdNode
{
    private readonly Lock _gate = new();
    private readonly EventFanOut<NodeEvent> _events = new(256);
    private readonly Dictionary<string, List<ConversationEntry>> _conversations = new(StringComparer.Ordinal);
    private readonly List<(string From, ConversationEntry Entry)> _mailbox = [];
    private readonly List<string> _contacts = [];
    private SimulatedFiles? _files;

    internal string Name { get; } = name;

    internal string Fingerprint => Name.ToUpperInvariant().PadRight(4, 'X')[..4] + "-0001";

    /// <summary>Why peers refuse this node's handshake (a reason token), or null.</summary>
    internal string? HandshakeFailure { get; } = handshakeFailure;

    internal bool Online { get; private set; } = true;

    public Task<NodeStatus> GetStatusAsync(CancellationToken cancellationToken = default) => Task.FromResult(new NodeStatus(
        Name, "did:key:z" + Name, Fingerprint, "12D3KooW" + Name, [], new CredentialSummary("did:key:zIssuer", "ISSU-0001", null, null, HandshakeFailure is null),
        null, _contacts.Count, 0, 0, 0, 0));

    public Task<IReadOnlyList<ContactSummary>> GetContactsAsync(CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<ContactSummary>>([.. _contacts.Select(Summary)]);
        }
    }

    public Task<ContactSummary> GetContactAsync(string contact, CancellationToken cancellationToken = default) => Task.FromResult(Summary(Known(contact)));

    public Task<ContactSummary> AddContactAsync(string invitationUri, string? name, CancellationToken cancellationToken = default)
    {
        SimulatedNode peer = network.FromInvitation(invitationUri);
        lock (_gate)
        {
            if (!_contacts.Contains(peer.Name))
            {
                _contacts.Add(peer.Name);
                _conversations[peer.Name] = [];
            }
        }

        if (peer.HandshakeFailure is not null)
        {
            Publish(new NodeEvent(NodeEventKinds.HandshakeFailed, DateTimeOffset.UtcNow, Contact: peer.Name, PeerId: "12D3KooW" + peer.Name, Reason: peer.HandshakeFailure));
        }
        else
        {
            Publish(new NodeEvent(NodeEventKinds.HandshakeVerified, DateTimeOffset.UtcNow, Contact: peer.Name, Fingerprint: peer.Fingerprint));
        }

        return Task.FromResult(Summary(peer.Name));
    }

    public Task<ContactSummary> AcceptKeyChangeAsync(string contact, CancellationToken cancellationToken = default) => Task.FromResult(Summary(Known(contact)));

    public Task<string> CreateInvitationAsync(CancellationToken cancellationToken = default) => Task.FromResult(SimulatedNetwork.InvitationOf(Name));

    public Task<SentMessage> SendTextAsync(string contact, string text, CancellationToken cancellationToken = default)
    {
        SimulatedNode peer = network.Node(Known(contact));
        string id = "m-" + Guid.NewGuid().ToString("N")[..12];
        bool direct = peer.Online;
        ConversationEntry entry = new(id, true, text, DateTimeOffset.UtcNow, direct ? "sent" : "deposited", direct ? DeliveryRoutes.Direct : DeliveryRoutes.Mailbox);
        lock (_gate)
        {
            _conversations[peer.Name].Add(entry);
        }

        Publish(new NodeEvent(NodeEventKinds.MessageSent, DateTimeOffset.UtcNow, Contact: peer.Name, MessageId: id, Via: entry.Via));
        if (direct)
        {
            peer.Receive(Name, entry with { Outgoing = false, State = "received" });
            SetState(peer.Name, id, "delivered", NodeEventKinds.ReceiptDelivered);
        }
        else
        {
            peer.Deposit(Name, entry with { Outgoing = false, State = "received" });
        }

        return Task.FromResult(new SentMessage(id, peer.Name, entry.Via!));
    }

    public Task<IReadOnlyList<InboxMessage>> GetInboxAsync(string? contact = null, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<InboxMessage>>([.. _conversations
                .Where(c => contact is null || c.Key == contact)
                .SelectMany(c => c.Value.Where(e => !e.Outgoing).Select(e => new InboxMessage(e.Id, c.Key, "did:key:z" + c.Key, e.Text, e.Via ?? DeliveryRoutes.Direct, e.At, e.At, e.State == "read")))]);
        }
    }

    public Task<IReadOnlyList<ConversationEntry>> GetConversationAsync(string contact, int limit = 100, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<ConversationEntry>>([.. _conversations[Known(contact)].TakeLast(limit)]);
        }
    }

    public Task MarkReadAsync(string contact, string messageId, CancellationToken cancellationToken = default)
    {
        string from = Known(contact);
        lock (_gate)
        {
            List<ConversationEntry> list = _conversations[from];
            int i = list.FindIndex(e => e.Id == messageId && !e.Outgoing);
            if (i < 0)
            {
                throw new NodeException(NodeError.InvalidInput, "no such message");
            }

            list[i] = list[i] with { State = "read" };
        }

        network.Node(from).SetState(Name, messageId, "read", NodeEventKinds.ReceiptRead);
        return Task.CompletedTask;
    }

    public IAsyncEnumerable<NodeEvent> ReadEventsAsync(CancellationToken cancellationToken = default) =>
        _events.ReadAllAsync(cancellationToken);

    /// <summary>Goes offline: messages for it wait in its mailbox.</summary>
    internal void GoOffline() => Online = false;

    /// <summary>Comes back and claims its mailbox: each message is received, its sender gets a delivered receipt.</summary>
    internal void ComeBackAndClaim()
    {
        Online = true;
        List<(string From, ConversationEntry Entry)> claimed;
        lock (_gate)
        {
            claimed = [.. _mailbox];
            _mailbox.Clear();
        }

        if (claimed.Count == 0)
        {
            return;
        }

        Publish(new NodeEvent(NodeEventKinds.MailboxClaimed, DateTimeOffset.UtcNow, Reason: claimed.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        foreach ((string from, ConversationEntry entry) in claimed)
        {
            Receive(from, entry);
            network.Node(from).SetState(Name, entry.Id, "delivered", NodeEventKinds.ReceiptDelivered);
        }
    }

    public ValueTask DisposeAsync()
    {
        _files?.Dispose();
        return ValueTask.CompletedTask;
    }

    private void Receive(string from, ConversationEntry entry)
    {
        lock (_gate)
        {
            if (!_contacts.Contains(from))
            {
                _contacts.Add(from);
                _conversations[from] = [];
            }

            _conversations[from].Add(entry);
        }

        Publish(new NodeEvent(NodeEventKinds.MessageReceived, DateTimeOffset.UtcNow, Contact: from, MessageId: entry.Id, Text: entry.Text, Via: entry.Via));
    }

    private void Deposit(string from, ConversationEntry entry)
    {
        lock (_gate)
        {
            _mailbox.Add((from, entry));
        }
    }

    private void SetState(string contact, string id, string state, string kind)
    {
        lock (_gate)
        {
            List<ConversationEntry> list = _conversations[contact];
            int i = list.FindIndex(e => e.Id == id);
            list[i] = list[i] with { State = state };
        }

        Publish(new NodeEvent(kind, DateTimeOffset.UtcNow, Contact: contact, MessageId: id));
    }

    private string Known(string contact)
    {
        lock (_gate)
        {
            return _contacts.Contains(contact) ? contact : throw new NodeException(NodeError.UnknownContact, "no contact " + contact);
        }
    }

    private ContactSummary Summary(string contact)
    {
        SimulatedNode peer = network.Node(contact);
        bool refused = peer.HandshakeFailure is not null;
        return new ContactSummary(
            peer.Name, "did:key:z" + peer.Name, peer.Fingerprint, "12D3KooW" + peer.Name, [], refused ? "unverified" : "verified",
            refused ? null : string.Join(' ', Enumerable.Repeat("54321", 12)), true, DateTimeOffset.UtcNow, refused ? null : DateTimeOffset.UtcNow);
    }

    private void Publish(NodeEvent e) => _events.Publish(e);

    /// <summary>Raises <paramref name="e"/> as this node's own event (what the simulation does not produce by itself, e.g. a full disk).</summary>
    internal void Raise(NodeEvent e) => Publish(e);

    /// <summary>This node's file transfers (SimulatedFiles).</summary>
    internal SimulatedFiles Files => LazyInitializer.EnsureInitialized(ref _files, () => new SimulatedFiles(network, Name, Publish));

    public Task<FileTransferSummary> SendFileAsync(string contact, string path, CancellationToken cancellationToken = default) =>
        Task.FromResult(Files.Send(network.Node(Known(contact)), path));

    public Task<IReadOnlyList<FileTransferSummary>> GetFileTransfersAsync(CancellationToken cancellationToken = default) => Task.FromResult(Files.All);

    public Task<FileTransferSummary> AcceptFileAsync(string id, string? directory = null, CancellationToken cancellationToken = default) =>
        Task.FromResult(Files.Accept(id, directory));

    public Task<FileTransferSummary> DeclineFileAsync(string id, CancellationToken cancellationToken = default) =>
        Task.FromResult(Files.End(id, FileTransferStates.Declined));

    public Task<FileTransferSummary> CancelFileAsync(string id, CancellationToken cancellationToken = default) =>
        Task.FromResult(Files.End(id, FileTransferStates.Cancelled));

    public Task SetFileAutoAcceptAsync(string contact, bool enabled, CancellationToken cancellationToken = default)
    {
        Files.SetAutoAccept(Known(contact), enabled);
        return Task.CompletedTask;
    }
}
