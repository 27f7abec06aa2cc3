// Why a file stream or chunk was refused (docs/files.md "Errors"); each value has a stable token for logs and reasons.
namespace WotId.Node.Files;

/// <summary>The kinds of <see cref="FileTransferException"/>.</summary>
internal enum FileTransferError
{
    /// <summary>A frame is not what the wire format allows here (bad version, id, flags or length).</summary>
    Malformed,

    /// <summary>A chunk did not authenticate: tampered, reordered, swapped from another file or a wrong final flag.</summary>
    Authentication,

    /// <summary>The stream ended before the final chunk.</summary>
    Truncated,

    /// <summary>The whole-file BLAKE3-256 does not match the offer.</summary>
    HashMismatch,

    /// <summary>The source file changed size or vanished since it was offered.</summary>
    SourceChanged,

    /// <summary>The stream names a transfer this node does not expect from that peer.</summary>
    UnknownTransfer,

    /// <summary>Writing the partial file failed for good (permissions, an I/O error other than a full disk).</summary>
    WriteFailed,

    /// <summary>
    /// The partial file's file system is full (or the file hit its size limit): the transfer is interrupted, not failed;
    /// what is durable stays, and the next stream (the sender retries) goes on from there once space is back.
    /// </summary>
    DiskFull,

    /// <summary>
    /// The verified file does not fit in the destination folder's file system (another one than the partial folder's):
    /// the transfer is interrupted with the whole verified file kept in the profile, and moved once there is space.
    /// </summary>
    DestinationFull,

    /// <summary>
    /// The verified file cannot be moved into the destination folder because that folder cannot be written (no
    /// permission, a read-only file system, or gone and not creatable): handled as <see cref="DestinationFull"/>, the
    /// verified file waits in the profile and is moved once the folder can be written again.
    /// </summary>
    DestinationUnwritable,
}
