namespace WotId.Mailbox;

/// <summary>A message with its (encrypted) payload.</summary>
/// <param name="Info">Metadata.</param>
/// <param name="Payload">The ciphertext.</param>
public sealed record MailboxMessage(MessageInfo Info, byte[] Payload);
