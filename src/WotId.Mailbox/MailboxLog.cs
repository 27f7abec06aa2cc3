// Source-generated log messages of the mailbox (LoggerMessage). They carry IDs, sequence numbers, sizes, error codes
// and host names only: never payload bytes, keys, signatures, signed transaction bytes or endpoint paths and
// queries (which may hold API keys). Levels: Debug for the normal flow, Warning for a failure that is retried or
// swallowed (the message stays queued), Information for a send refused for good. Error is kept for bugs.
using Microsoft.Extensions.Logging;
using WotId.Mailbox.Types;

namespace WotId.Mailbox;

/// <summary>The mailbox's log messages (event IDs 6000–6099).</summary>
internal static partial class MailboxLog
{
    [LoggerMessage(EventId = 6000, Level = LogLevel.Debug, Message = "JSON-RPC {Method} to {Host}")]
    public static partial void RpcCall(ILogger logger, string method, string host);

    [LoggerMessage(EventId = 6001, Level = LogLevel.Debug, Message = "JSON-RPC {Method} to {Host} failed: {Error}")]
    public static partial void RpcFailed(ILogger logger, string method, string host, string error);

    [LoggerMessage(EventId = 6010, Level = LogLevel.Debug, Message = "Queued send {QueueId} to mailbox {MailboxId} as seq {Seq} ({Size} bytes)")]
    public static partial void Queued(ILogger logger, long queueId, IotaAddress mailboxId, ulong seq, int size);

    [LoggerMessage(EventId = 6011, Level = LogLevel.Debug, Message = "Delivered send {QueueId} (seq {Seq}) as message {MessageId} in transaction {Digest}")]
    public static partial void Delivered(ILogger logger, long queueId, ulong seq, IotaAddress? messageId, string digest);

    [LoggerMessage(EventId = 6012, Level = LogLevel.Warning, Message = "Send {QueueId} (seq {Seq}) stays queued after attempt {Attempt}: {Error}")]
    public static partial void StaysQueued(ILogger logger, long queueId, ulong seq, int attempt, MailboxError error);

    [LoggerMessage(EventId = 6013, Level = LogLevel.Information, Message = "Send {QueueId} (seq {Seq}) refused for good, its number is free again: {Error}")]
    public static partial void Rejected(ILogger logger, long queueId, ulong seq, MailboxError error);

    [LoggerMessage(EventId = 6014, Level = LogLevel.Debug, Message = "Send {QueueId}: checking whether the earlier transaction {Digest} executed")]
    public static partial void CheckingEarlierAttempt(ILogger logger, long queueId, string digest);

    [LoggerMessage(EventId = 6015, Level = LogLevel.Debug, Message = "Dry run of {Function} refused: {Error}")]
    public static partial void DryRunRefused(ILogger logger, string function, MailboxError error);

    [LoggerMessage(EventId = 6020, Level = LogLevel.Debug, Message = "Embedded mailbox {Operation} by {Caller} failed: {Error}")]
    public static partial void EmbeddedRefused(ILogger logger, string operation, IotaAddress caller, MailboxError error);

    [LoggerMessage(EventId = 6021, Level = LogLevel.Warning, Message = "Embedded mailbox {Operation} failed in SQLite (error {SqliteError}); the transaction was rolled back")]
    public static partial void EmbeddedStorageFailed(ILogger logger, string operation, int sqliteError);

    [LoggerMessage(EventId = 6030, Level = LogLevel.Debug, Message = "Mailbox host refused {Operation} from peer {Peer}: {Error}")]
    public static partial void HostRefused(ILogger logger, string operation, string peer, MailboxError error);
}
