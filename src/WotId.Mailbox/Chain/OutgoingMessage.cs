using WotId.Mailbox.Types;

namespace WotId.Mailbox.Chain;

/// <summary>A queued chain send.</summary>
/// <param name="Id">Queue row.</param>
/// <param name="MailboxId">Destination.</param>
/// <param name="Seq">Sender sequence number.</param>
/// <param name="Payload">Ciphertext.</param>
/// <param name="TxBytes">Last signed transaction, if any.</param>
/// <param name="Signature">Its signature.</param>
/// <param name="Digest">Its digest.</param>
/// <param name="Attempts">Failed attempts so far.</param>
/// <param name="LastError">Last failure.</param>
public sealed record OutgoingMessage(long Id, IotaAddress MailboxId, ulong Seq, byte[] Payload, byte[]? TxBytes, string? Signature, string? Digest, int Attempts, string? LastError);
