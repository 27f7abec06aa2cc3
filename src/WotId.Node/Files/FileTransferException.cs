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
        _ => "unknown",
    };
}
