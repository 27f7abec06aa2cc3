// One row of file_transfers (docs/files.md "States"). The file key is not part of the record: it is read on its own
// (FileTransferStore.Key) when a stream needs it, so it never reaches a log or ToString.
using System;

namespace WotId.Node.Storage;

/// <summary>A stored file transfer.</summary>
/// <param name="Id">The transfer id (the file.offer message id and its file_id).</param>
/// <param name="ContactId">The contact's row id.</param>
/// <param name="Direction">incoming or outgoing (Api.FileTransferDirections).</param>
/// <param name="Name">The offered name (sender: already sanitised; receiver: as offered).</param>
/// <param name="Size">Bytes.</param>
/// <param name="MediaType">As offered.</param>
/// <param name="Blake3">Lowercase hex BLAKE3-256 of the whole file, or empty until known (an offer need not carry it; the final chunk does).</param>
/// <param name="ChunkSize">Plaintext bytes per chunk.</param>
/// <param name="State">One of Api.FileTransferStates.</param>
/// <param name="Transferred">Incoming: bytes durable in the partial file; outgoing: bytes the receiver acknowledged.</param>
/// <param name="Path">Outgoing: the source; incoming: the verified file once completed.</param>
/// <param name="Directory">Incoming: where the verified file goes (null: the profile's downloads).</param>
/// <param name="Reason">Why it ended, when it did not complete.</param>
/// <param name="CreatedAt">Offer time.</param>
/// <param name="UpdatedAt">Last change.</param>
internal sealed record FileTransferRecord(
    string Id,
    long ContactId,
    string Direction,
    string Name,
    long Size,
    string MediaType,
    string Blake3,
    int ChunkSize,
    string State,
    long Transferred,
    string? Path,
    string? Directory,
    string? Reason,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    /// <summary>Whether the transfer ended (completed, declined, cancelled or failed) and never changes again.</summary>
    internal bool IsFinished => State is Api.FileTransferStates.Completed or Api.FileTransferStates.Declined
        or Api.FileTransferStates.Cancelled or Api.FileTransferStates.Failed;

    /// <summary>Whether this node sends the file.</summary>
    internal bool IsOutgoing => Direction == Api.FileTransferDirections.Outgoing;

    /// <summary>Whether the receiver's file.pause holds this outgoing transfer (<see cref="FileTransferStore.PausedByReceiver"/>).</summary>
    internal bool IsPausedByReceiver => State == Api.FileTransferStates.Interrupted
        && Reason?.StartsWith(FileTransferStore.PausedByReceiver, StringComparison.Ordinal) == true;
}
