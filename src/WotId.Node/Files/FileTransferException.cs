// The one exception of the file layer: a FileTransferError and a short text without file content or key bytes.
using System.IO;

namespace WotId.Node.Files;

/// <summary>A file stream or chunk was refused; <see cref="Error"/> says why.</summary>
internal sealed class FileTransferException : IOException
{
    internal FileTransferException(FileTransferError error, string detail, System.Exception? inner = null)
        : base(Token(error) + ": " + detail, inner)
    {
        Error = error;
    }

    /// <summary>Why.</summary>
    internal FileTransferError Error { get; }

    /// <summary>The reason token (file.cancel reason, file.ended event reason).</summary>
    internal static string Token(FileTransferError error) => error switch
    {
        FileTransferError.Malformed => "malformed_stream",
        FileTransferError.Authentication => "chunk_not_authentic",
        FileTransferError.Truncated => "truncated",
        FileTransferError.HashMismatch => "hash_mismatch",
        FileTransferError.SourceChanged => "source_changed",
        FileTransferError.UnknownTransfer => "unknown_transfer",
        FileTransferError.WriteFailed => "write_failed",
        FileTransferError.DiskFull => "disk_full",
        FileTransferError.DestinationFull => "destination_full",
        FileTransferError.DestinationUnwritable => "destination_unwritable",
        _ => "unknown",
    };

    /// <summary>
    /// <see cref="FileTransferError.DiskFull"/> when <paramref name="e"/> says the disk is full or the file is too
    /// large for its limit (Unix ENOSPC 28, EFBIG 27, EDQUOT 122; Windows ERROR_HANDLE_DISK_FULL 39, ERROR_DISK_FULL 112),
    /// else <see cref="FileTransferError.WriteFailed"/>.
    /// </summary>
    internal static FileTransferError WriteError(IOException e)
    {
        System.ArgumentNullException.ThrowIfNull(e);
        int code = e.HResult & 0xFFFF;
        bool full = System.OperatingSystem.IsWindows() ? code is 39 or 112 : code is 27 or 28 or 122;
        return full ? FileTransferError.DiskFull : FileTransferError.WriteFailed;
    }
}
