// IMailbox on the IOTA chain: builds the move/wotid_mailbox transactions with MailboxTransactionBuilder, signs them
// with the caller's Ed25519 key (intent signing), and submits them through IIotaNodeClient. Sends go through the
// Outbox first. Gas: the caller's largest IOTA coin; budget from a dry run as the TS SDK does
// (max(computation + 1000·price, computation + 1000·price + storage − rebate)), note C.4.
using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using WotId.Mailbox.Rpc;
using WotId.Mailbox.Signing;
using WotId.Mailbox.Transactions;
using WotId.Mailbox.Types;

namespace WotId.Mailbox.Chain;

/// <summary>The chain-backed <see cref="IMailbox"/>.</summary>
public sealed partial class IotaMailbox : IMailbox, IDisposable
{
    private const ulong DryRunBudget = 500_000_000; // 0.5 IOTA ceiling for the estimate
    private readonly IIotaNodeClient _node;
    private readonly IotaKeyPair _key;
    private readonly Outbox _queue;
    private readonly MailboxTransactionBuilder _builder;
    private readonly SemaphoreSlim _gasLock = new(1, 1);
    private readonly ILogger _logger;

    /// <summary>Creates the client. <paramref name="queue"/> keeps sends that could not be delivered yet.</summary>
    /// <param name="node">The node client.</param>
    /// <param name="key">The caller's key (signs every transaction; never logged).</param>
    /// <param name="package">The published wotid_mailbox package.</param>
    /// <param name="queue">The durable outbox.</param>
    /// <param name="logger">Logs sends that stay queued or are refused; no payloads or key material.</param>
    public IotaMailbox(IIotaNodeClient node, IotaKeyPair key, IotaAddress package, Outbox queue, ILogger<IotaMailbox>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(key);
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _node = node;
        _key = key;
        _queue = queue;
        _builder = new MailboxTransactionBuilder(package, key.Address);
        _queue.AdoptLegacyRows(key.Address);
    }

    /// <inheritdoc />
    public IotaAddress Caller => _key.Address;

    /// <summary>Releases the gas lock (the node client, key and outbox belong to the caller).</summary>
    public void Dispose() => _gasLock.Dispose();

    /// <summary>The Move type of messages for this package.</summary>
    public string MessageType => _builder.MessageType;

    /// <inheritdoc />
    public async Task<MailboxHandle> CreateAsync(ReadOnlyMemory<byte> encryptionKey, ulong maxPayloadBytes, CancellationToken cancellationToken)
    {
        ExecutionResult r = await ExecuteAsync(g => _builder.CreateMailbox(encryptionKey.Span, maxPayloadBytes, g), cancellationToken).ConfigureAwait(false);
        ObjectChange mailbox = r.Changes.FirstOrDefault(c => c.Kind == "created" && (c.ObjectType?.EndsWith("::mailbox::Mailbox", StringComparison.Ordinal) ?? false))
            ?? throw new MailboxException(MailboxError.MalformedResponse, "no Mailbox among the created objects");
        ObjectChange cap = r.Changes.FirstOrDefault(c => c.Kind == "created" && (c.ObjectType?.EndsWith("::mailbox::MailboxOwnerCap", StringComparison.Ordinal) ?? false))
            ?? throw new MailboxException(MailboxError.MalformedResponse, "no MailboxOwnerCap among the created objects");
        return new MailboxHandle(mailbox.ObjectId, cap.ObjectId);
    }

    /// <inheritdoc />
    public async Task<MailboxInfo> GetMailboxAsync(IotaAddress mailboxId, CancellationToken cancellationToken)
    {
        IotaObject o = await RequireObjectAsync(mailboxId, cancellationToken).ConfigureAwait(false);
        return MailboxFields.Parse(mailboxId, o);
    }

    /// <inheritdoc />
    /// <remarks>
    /// The outbox queues the payload and assigns its sequence number in one SQLite transaction before any network
    /// call. Payloads that no mailbox accepts (empty, over <see cref="MailboxLimits.MaxPayloadBytes"/>) are refused
    /// before queuing. A send the chain refuses (Move abort) throws and gives its number back; a send the node could
    /// not take yet returns <c>Delivered = false</c> and stays queued for <see cref="FlushAsync"/>.
    /// </remarks>
    public async Task<SendResult> SendAsync(IotaAddress mailboxId, ReadOnlyMemory<byte> payload, CancellationToken cancellationToken)
    {
        if (payload.IsEmpty)
        {
            throw new MailboxException(MailboxError.PayloadEmpty, "empty payload");
        }

        if ((ulong)payload.Length > MailboxLimits.MaxPayloadBytes)
        {
            throw new MailboxException(MailboxError.PayloadTooLarge, $"payload of {payload.Length} bytes exceeds the limit of {MailboxLimits.MaxPayloadBytes}");
        }

        (long queueId, ulong seq) = _queue.Enqueue(Caller, mailboxId, payload.Span);
        MailboxLog.Queued(_logger, queueId, mailboxId, seq, payload.Length);
        var row = new OutgoingMessage(queueId, mailboxId, seq, payload.ToArray(), null, null, null, 0, null);
        return await DeliverAsync(row, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Retries every queued send of this caller; returns the outcome of each.</summary>
    public async Task<IReadOnlyList<SendResult>> FlushAsync(CancellationToken cancellationToken)
    {
        var results = new List<SendResult>();
        foreach (OutgoingMessage row in _queue.Pending(Caller))
        {
            results.Add(await DeliverAsync(row, cancellationToken).ConfigureAwait(false));
        }

        return results;
    }

    /// <inheritdoc />
    /// <remarks>
    /// Pending messages are the mailbox address's owned objects (<c>iotax_getOwnedObjects</c>), archived ones its
    /// dynamic fields (<c>iotax_getDynamicFields</c>); the cursor is the part ("p" or "a") followed by the node's
    /// own cursor for that part.
    /// </remarks>
    public async Task<MessagePage> ListAsync(IotaAddress mailboxId, string? cursor, int pageSize, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(pageSize, MailboxLimits.MaxListPageSize);
        (bool archived, JsonElement? after) = ListCursor.Parse(cursor);
        var list = new List<MessageInfo>(pageSize);
        if (!archived)
        {
            IotaPage<IotaObject> p = await Call(() => _node.GetOwnedObjectsAsync(mailboxId, MessageType, after, pageSize, cancellationToken)).ConfigureAwait(false);
            list.AddRange(p.Data.Select(o => DecodeMessage(o, MessageState.Pending).Info));
            if (p.HasNextPage && p.NextCursor is JsonElement more)
            {
                return new MessagePage(list, ListCursor.Format(false, more));
            }

            after = null;
            if (list.Count >= pageSize)
            {
                return new MessagePage(list, ListCursor.Format(true, null));
            }
        }

        IotaPage<DynamicFieldInfo> fields = await Call(() => _node.GetDynamicFieldsAsync(mailboxId, after, pageSize - list.Count, cancellationToken)).ConfigureAwait(false);
        var ids = fields.Data.Where(f => f.ObjectType == MessageType).Select(f => f.Ref.ObjectId).ToList();
        if (ids.Count > 0)
        {
            IReadOnlyList<IotaObject?> objects = await Call(() => _node.MultiGetObjectsAsync(ids, cancellationToken)).ConfigureAwait(false);
            list.AddRange(objects.OfType<IotaObject>().Select(o => DecodeMessage(o, MessageState.Archived).Info));
        }

        return new MessagePage(list, fields.HasNextPage && fields.NextCursor is JsonElement next ? ListCursor.Format(true, next) : null);
    }

    /// <inheritdoc />
    public async Task ClaimAsync(MailboxHandle mailbox, IotaAddress messageId, CancellationToken cancellationToken)
    {
        (SharedRef m, ObjectRef cap, ObjectRef msg) = await CapAndPendingAsync(mailbox, messageId, cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(g => _builder.ClaimMessage(m, cap, msg, g), cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<MailboxMessage> ReadAsync(MailboxHandle mailbox, IotaAddress messageId, CancellationToken cancellationToken)
    {
        await CapRefAsync(mailbox, cancellationToken).ConfigureAwait(false);
        IotaObject? o = await Call(() => _node.GetObjectAsync(messageId, cancellationToken)).ConfigureAwait(false);
        if (o is null || o.Owner?.Kind != OwnerKind.Object)
        {
            throw new MailboxException(MailboxError.MessageNotFound, "no archived message " + messageId);
        }

        MailboxMessage message = DecodeMessage(o, MessageState.Archived);
        return message.Info.MailboxId == mailbox.MailboxId ? message : throw new MailboxException(MailboxError.MessageNotFound, "no archived message " + messageId);
    }

    /// <inheritdoc />
    public async Task DeleteAsync(MailboxHandle mailbox, IotaAddress messageId, CancellationToken cancellationToken)
    {
        ObjectRef cap = await CapRefAsync(mailbox, cancellationToken).ConfigureAwait(false);
        SharedRef m = await SharedRefAsync(mailbox.MailboxId, cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(g => _builder.DeleteMessage(m, cap, messageId, g), cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<MailboxMessage> ReceiveAndDeleteAsync(MailboxHandle mailbox, IotaAddress messageId, CancellationToken cancellationToken)
    {
        (SharedRef m, ObjectRef cap, ObjectRef msg) = await CapAndPendingAsync(mailbox, messageId, cancellationToken).ConfigureAwait(false);
        IotaObject o = await RequireObjectAsync(messageId, cancellationToken).ConfigureAwait(false);
        MailboxMessage message = DecodeMessage(o, MessageState.Pending);
        await ExecuteAsync(g => _builder.ReceiveAndDelete(m, cap, msg, g), cancellationToken).ConfigureAwait(false);
        return message;
    }

    /// <inheritdoc />
    public async Task SetBlockedAsync(MailboxHandle mailbox, IotaAddress sender, bool blocked, CancellationToken cancellationToken)
    {
        ObjectRef cap = await CapRefAsync(mailbox, cancellationToken).ConfigureAwait(false);
        SharedRef m = await SharedRefAsync(mailbox.MailboxId, cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(g => blocked ? _builder.BlockSender(m, cap, sender, g) : _builder.UnblockSender(m, cap, sender, g), cancellationToken).ConfigureAwait(false);
    }
}
