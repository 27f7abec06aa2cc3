using WotId.Mailbox.Types;

namespace WotId.Mailbox;

/// <summary>Outcome of a send.</summary>
/// <param name="Delivered">True when the message is in the mailbox.</param>
/// <param name="MessageId">The MessageObject ID when known.</param>
/// <param name="Seq">The sequence number the implementation assigned (per caller and mailbox, from 1).</param>
/// <param name="QueueId">The outgoing-queue row when the send went through the queue.</param>
/// <param name="TransactionDigest">The chain transaction digest, when sent on chain.</param>
/// <param name="LastError">Why delivery has not happened yet (the message stays queued).</param>
public sealed record SendResult(bool Delivered, IotaAddress? MessageId, ulong Seq, long? QueueId = null, string? TransactionDigest = null, string? LastError = null);
