using WotId.Mailbox.Types;

namespace WotId.Mailbox;

/// <summary>A mailbox and the owner capability used to operate on it.</summary>
/// <param name="MailboxId">The shared Mailbox object ID (also the address messages are sent to).</param>
/// <param name="CapId">The MailboxOwnerCap object ID.</param>
public sealed record MailboxHandle(IotaAddress MailboxId, IotaAddress CapId);
