// A file transfer as a person sees it (`wotid files`, GET /v1/files, the web page); docs/files.md.
using System;

namespace WotId.Node.Api;

/// <summary>One incoming or outgoing file transfer.</summary>
/// <param name="Id">The transfer id (the <c>file.offer</c> message id), stable across restarts.</param>
/// <param name="Contact">The contact's name.</param>
/// <param name="Direction"><see cref="FileTransferDirections.Incoming"/> or <see cref="FileTransferDirections.Outgoing"/>.</param>
/// <param name="Name">The file name as offered (a base name; never a path).</param>
/// <param name="Size">The size in bytes.</param>
/// <param name="MediaType">The media type as offered.</param>
/// <param name="Transferred">Bytes written durably at the receiver (incoming) or acknowledged by it (outgoing).</param>
/// <param name="State">One of <see cref="FileTransferStates"/>.</param>
/// <param name="Path">Outgoing: the source file; incoming: the verified file once completed, otherwise null.</param>
/// <param name="Reason">Why a transfer failed, was declined or cancelled, when known.</param>
/// <param name="CreatedAt">When the offer was made or received.</param>
/// <param name="UpdatedAt">The last state or progress change.</param>
public sealed record FileTransferSummary(
    string Id,
    string Contact,
    string Direction,
    string Name,
    long Size,
    string MediaType,
    long Transferred,
    string State,
    string? Path,
    string? Reason,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);
