using WotId.Mailbox.Types;

namespace WotId.Mailbox;

/// <summary>A message's metadata (public on chain; the payload is end-to-end encrypted).</summary>
/// <param name="Id">MessageObject ID.</param>
/// <param name="MailboxId">The mailbox it was addressed to.</param>
/// <param name="Sender">The sending address (set by the chain, cannot be forged).</param>
/// <param name="SentAtMs">Send time in Unix milliseconds.</param>
/// <param name="Seq">The sender's sequence number.</param>
/// <param name="Size">Payload length in bytes.</param>
/// <param name="State">Pending or archived.</param>
public sealed record MessageInfo(IotaAddress Id, IotaAddress MailboxId, IotaAddress Sender, ulong SentAtMs, ulong Seq, int Size, MessageState State);
