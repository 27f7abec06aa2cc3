// `wotid inbox --json` and GET /v1/inbox: `id`, `from`, `text`, `via`, `receivedAt` are stable names.
using System;

namespace WotId.Node.Api;

/// <summary>A received chat message.</summary>
/// <param name="Id">The wot.id message id.</param>
/// <param name="From">The sender's contact name.</param>
/// <param name="FromDid">The sender's full DID.</param>
/// <param name="Text">The text.</param>
/// <param name="Via"><see cref="DeliveryRoutes.Direct"/> or <see cref="DeliveryRoutes.Mailbox"/>.</param>
/// <param name="SentAt">The sender's timestamp.</param>
/// <param name="ReceivedAt">When this node stored it.</param>
/// <param name="Read">Whether it was marked read.</param>
public sealed record InboxMessage(string Id, string From, string FromDid, string Text, string Via, DateTimeOffset SentAt, DateTimeOffset ReceivedAt, bool Read);
