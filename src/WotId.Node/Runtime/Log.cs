// Source-generated log messages of the running node. Peer ids, contact names, message ids, counts and reason tokens
// only: never message text, envelopes, keys or credentials. Levels: Information for start/stop, Debug for the life of
// connections and messages, Trace for the steps of one message (to profile its latency), Warning for what a person
// should look at (messages from unknown senders, failures of a loop that keeps running).
using System;
using Microsoft.Extensions.Logging;
using WotId.Libp2p.Peer;

namespace WotId.Node.Runtime;

internal static partial class Log
{
    [LoggerMessage(EventId = 301, Level = LogLevel.Information, Message = "Node {PeerId} listens on {Addresses}")]
    public static partial void Started(ILogger logger, PeerId peerId, string addresses);

    [LoggerMessage(EventId = 302, Level = LogLevel.Information, Message = "Node {PeerId} stopped")]
    public static partial void Stopped(ILogger logger, PeerId peerId);

    [LoggerMessage(EventId = 303, Level = LogLevel.Debug, Message = "Verified peer {PeerId} is contact {Contact}")]
    public static partial void VerifiedContact(ILogger logger, PeerId peerId, string contact);

    [LoggerMessage(EventId = 304, Level = LogLevel.Information, Message = "Verified peer {PeerId} ({Fingerprint}) is not a contact; its messages will be rejected")]
    public static partial void VerifiedStranger(ILogger logger, PeerId peerId, string fingerprint);

    [LoggerMessage(EventId = 305, Level = LogLevel.Warning, Message = "Contact {Contact} presented a changed Signal identity key; messages to it are held")]
    public static partial void KeyChanged(ILogger logger, string contact);

    [LoggerMessage(EventId = 306, Level = LogLevel.Debug, Message = "Message {MessageId} to {Contact}: {Outcome}")]
    public static partial void Delivery(ILogger logger, string messageId, string contact, string outcome);

    [LoggerMessage(EventId = 307, Level = LogLevel.Debug, Message = "Rejected a message via {Via}: {Reason}")]
    public static partial void Rejected(ILogger logger, string via, WotId.Node.Messaging.MessageRejectReason reason);

    [LoggerMessage(EventId = 308, Level = LogLevel.Debug, Message = "Message stream with {PeerId} ended: {Reason}")]
    public static partial void StreamEnded(ILogger logger, PeerId peerId, string reason);

    [LoggerMessage(EventId = 309, Level = LogLevel.Debug, Message = "Could not reach {Contact} directly: {Reason}")]
    public static partial void Unreachable(ILogger logger, string contact, string reason);

    [LoggerMessage(EventId = 310, Level = LogLevel.Debug, Message = "Claimed {Count} messages from the mailbox")]
    public static partial void Claimed(ILogger logger, int count);

    [LoggerMessage(EventId = 311, Level = LogLevel.Warning, Message = "The {Loop} loop failed and continues")]
    public static partial void LoopFailed(ILogger logger, string loop, Exception error);

    [LoggerMessage(EventId = 312, Level = LogLevel.Debug, Message = "Starting a Signal session with {Contact} failed")]
    public static partial void SessionFailed(ILogger logger, string contact, Exception error);

    [LoggerMessage(EventId = 313, Level = LogLevel.Debug, Message = "Mailbox deposit for {Contact} failed: {Reason}")]
    public static partial void DepositFailed(ILogger logger, string contact, string reason);

    [LoggerMessage(EventId = 314, Level = LogLevel.Information, Message = "The hosted mailbox on {Host} cannot be claimed now ({Error}); retrying at the next poll")]
    public static partial void HostedClaimDeferred(ILogger logger, string host, WotId.Mailbox.MailboxError error);

    [LoggerMessage(EventId = 315, Level = LogLevel.Debug, Message = "File transfer {FileId}: {Step} ({Detail})")]
    public static partial void FileTransfer(ILogger logger, string fileId, string step, string detail);

    [LoggerMessage(EventId = 316, Level = LogLevel.Information, Message = "The IOTA mailbox cannot be claimed through {Rpc} now ({Error}); retrying at the next poll")]
    public static partial void IotaClaimDeferred(ILogger logger, Uri rpc, WotId.Mailbox.MailboxError error);

    [LoggerMessage(EventId = 317, Level = LogLevel.Debug, Message = "Message {MessageId} for {Contact} waits in the IOTA outbox: {Reason}")]
    public static partial void IotaDepositQueued(ILogger logger, string messageId, string contact, string reason);

    [LoggerMessage(EventId = 318, Level = LogLevel.Information, Message = "A new credential from issuer {IssuerFingerprint} is presented from the next handshake on")]
    public static partial void CredentialReplaced(ILogger logger, string issuerFingerprint);

    [LoggerMessage(EventId = 319, Level = LogLevel.Trace, Message = "Message {MessageId}: {Step}")]
    public static partial void MessageStep(ILogger logger, string messageId, string step);

    [LoggerMessage(EventId = 320, Level = LogLevel.Trace, Message = "Message frame {Seq} received: {Step}")]
    public static partial void FrameStep(ILogger logger, ulong seq, string step);

    [LoggerMessage(EventId = 321, Level = LogLevel.Trace, Message = "Message link to {PeerId}: {Step}")]
    public static partial void LinkStep(ILogger logger, PeerId peerId, string step);

    [LoggerMessage(EventId = 322, Level = LogLevel.Debug, Message = "No Signal session with {Contact} and its stored prekey bundle is spent: a new handshake initiated here fetches a fresh one")]
    public static partial void FreshBundleNeeded(ILogger logger, string contact);

    [LoggerMessage(EventId = 323, Level = LogLevel.Warning, Message = "This node refused the credential of contact {Contact} ({Reason}); its mailbox messages are refused until a handshake verifies it")]
    public static partial void ContactRefused(ILogger logger, string contact, string reason);

    [LoggerMessage(EventId = 324, Level = LogLevel.Warning, Message = "Refused a mailbox message from {Contact}, whose credential this node refused ({Reason}); it was deleted from the mailbox")]
    public static partial void MailboxMessageRefused(ILogger logger, string contact, string reason);
}
