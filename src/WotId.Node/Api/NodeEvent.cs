// The node's event stream (GET /v1/events as server-sent events, `wotid run` output, `wotid chat`). One flat record so
// that every event serialises the same way; Kind says which members are set (docs/node.md "Node facade").
using System;

namespace WotId.Node.Api;

/// <summary>Something that happened in the node.</summary>
/// <param name="Kind">One of <see cref="NodeEventKinds"/>.</param>
/// <param name="At">When.</param>
/// <param name="Contact">The contact's name, when the event concerns a known contact.</param>
/// <param name="PeerId">The remote peer id, for connection and handshake events.</param>
/// <param name="MessageId">The message id, for message and receipt events.</param>
/// <param name="Text">The text of a received message.</param>
/// <param name="Via">The route of a message (<see cref="DeliveryRoutes"/>).</param>
/// <param name="Reason">The handshake failure reason token or another short reason.</param>
/// <param name="Fingerprint">The remote DID fingerprint, when known.</param>
/// <param name="FileId">The transfer id, for file events.</param>
/// <param name="Bytes">File events: bytes transferred so far.</param>
/// <param name="Size">File events: the file's size in bytes.</param>
public sealed record NodeEvent(
    string Kind,
    DateTimeOffset At,
    string? Contact = null,
    string? PeerId = null,
    string? MessageId = null,
    string? Text = null,
    string? Via = null,
    string? Reason = null,
    string? Fingerprint = null,
    string? FileId = null,
    long? Bytes = null,
    long? Size = null);
