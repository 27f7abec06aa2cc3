// The receiver's space check before a stream (docs/files.md "Resume", "Disk full at the receiver"): the rest of the
// file must fit in the partial folder's file system, counting the bytes after the durable offset that the stream cuts
// off first. A stream that cannot fit is refused before RESUME, so a sender retrying against a full disk costs a HELLO
// and writes nothing; a disk filled by someone else during a stream still ends it with disk_full at the write.
using System;
using System.IO;
using WotId.Node.Files;

namespace WotId.Node.Runtime;

/// <summary>Whether the rest of an incoming file fits on the receiver's disk.</summary>
internal static class PartialSpace
{
    /// <summary>Bytes an unprivileged writer may still use on the file system holding <paramref name="folder"/>; null when unknown.</summary>
    internal static long? Available(string folder)
    {
        try
        {
            return new DriveInfo(folder).AvailableFreeSpace;
        }
        catch (Exception e) when (e is IOException or ArgumentException or UnauthorizedAccessException)
        {
            return null; // unknown: the writes find out
        }
    }

    /// <summary>
    /// True when the bytes from <paramref name="durable"/> to <paramref name="size"/> fit in <paramref name="available"/>
    /// plus what the partial file holds beyond <paramref name="durable"/> (cut before the stream writes); an unknown
    /// <paramref name="available"/> fits.
    /// </summary>
    internal static bool RestFits(long size, long durable, long partialLength, long? available)
    {
        if (available is not { } free)
        {
            return true;
        }

        long rest = Math.Max(0, size - durable);
        long reclaimed = Math.Max(0, partialLength - durable);
        return free >= rest - Math.Min(rest, reclaimed);
    }

    /// <summary><see cref="RestFits"/> for the partial file at <paramref name="partialPath"/> and its file system now.</summary>
    internal static bool RestFitsNow(long size, long durable, string partialPath) => RestFitsNow(size, durable, partialPath, out _);

    /// <summary>Throws <see cref="FileTransferError.DiskFull"/> when the rest of the file does not fit (see <see cref="RestFits"/>).</summary>
    internal static void EnsureRestFits(long size, long durable, string partialPath)
    {
        if (!RestFitsNow(size, durable, partialPath, out long? available))
        {
            throw new FileTransferException(FileTransferError.DiskFull,
                $"the rest of the file ({size - durable} bytes) does not fit in the {available} bytes free for partial files");
        }
    }

    private static bool RestFitsNow(long size, long durable, string partialPath, out long? available)
    {
        available = Available(Path.GetDirectoryName(partialPath)!);
        return RestFits(size, durable, File.Exists(partialPath) ? new FileInfo(partialPath).Length : 0, available);
    }
}
