// One line of a conversation for `wotid chat` and the web page: sent and received messages with their state.
using System;

namespace WotId.Node.Api;

/// <summary>A message in a conversation.</summary>
/// <param name="Id">The wot.id message id.</param>
/// <param name="Outgoing">True for a message this node sent.</param>
/// <param name="Text">The text.</param>
/// <param name="At">Sent (outgoing) or received (incoming) time.</param>
/// <param name="State">Outgoing: <c>queued</c>, <c>held</c>, <c>sent</c> (acknowledged directly), <c>deposited</c>, <c>delivered</c> (receipt), <c>read</c> (receipt); incoming: <c>received</c> or <c>read</c>.</param>
/// <param name="Via">The route, when known.</param>
public sealed record ConversationEntry(string Id, bool Outgoing, string Text, DateTimeOffset At, string State, string? Via);
