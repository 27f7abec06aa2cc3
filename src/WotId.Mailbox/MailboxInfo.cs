using System.Collections.Generic;
using WotId.Mailbox.Types;

namespace WotId.Mailbox;

/// <summary>A mailbox's public policy and counters.</summary>
/// <param name="Id">Mailbox ID.</param>
/// <param name="OwnerHint">Creator (informational).</param>
/// <param name="EncryptionKey">The published key or prekey pointer.</param>
/// <param name="MaxPayloadBytes">Size limit per message.</param>
/// <param name="StoredCount">Archived messages.</param>
/// <param name="Blocked">Blocked senders.</param>
public sealed record MailboxInfo(IotaAddress Id, IotaAddress OwnerHint, byte[] EncryptionKey, ulong MaxPayloadBytes, ulong StoredCount, IReadOnlyList<IotaAddress> Blocked);
