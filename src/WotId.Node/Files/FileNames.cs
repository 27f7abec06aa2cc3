// Where a received file lands (docs/files.md "Destination"). The offered name is the sender's word only: it is cut to
// its last path segment (both / and \ count), control characters and the characters Windows forbids become '_',
// leading and trailing dots and spaces go, Windows device names (CON, PRN, AUX, NUL, COM1–9, LPT1–9, with any
// extension) get a leading '_', and the result is at most 200 UTF-16 code units (the extension kept). What is left is
// never empty, ".", "..", or a path; the file is placed inside the destination directory without overwriting
// anything: "name.ext", then "name (1).ext", "name (2).ext", ….
using System;
using System.IO;
using System.Text;

namespace WotId.Node.Files;

/// <summary>Sanitises offered names and picks a free destination path.</summary>
internal static class FileNames
{
    /// <summary>Longest sanitised name, in UTF-16 code units (well under the 255-byte limit of common file systems).</summary>
    internal const int MaxLength = 200;

    /// <summary>The name used when nothing usable is left of the offered one.</summary>
    internal const string Fallback = "file";

    /// <summary>Most " (n)" suffixes tried before giving up.</summary>
    internal const int MaxSuffix = 9999;

    private static readonly string[] s_reserved = ["CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$"];

    /// <summary>A safe base name for <paramref name="offered"/> (see the file comment).</summary>
    internal static string Sanitize(string? offered)
    {
        string s = offered ?? "";
        int cut = s.LastIndexOfAny(['/', '\\']);
        s = s[(cut + 1)..];
        var b = new StringBuilder(s.Length);
        for (int i = 0; i < s.Length; i++)
        {
            char c = s[i];
            if (char.IsHighSurrogate(c) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
            {
                b.Append(c).Append(s[++i]);
            }
            else if (char.IsControl(c) || char.IsSurrogate(c) || c is '<' or '>' or ':' or '"' or '|' or '?' or '*' || c == '\u2028' || c == '\u2029')
            {
                b.Append('_');
            }
            else
            {
                b.Append(c);
            }
        }

        s = b.ToString().Trim().Trim('.').Trim();
        if (s.Length == 0)
        {
            return Fallback;
        }

        if (IsReserved(s))
        {
            s = "_" + s;
        }

        return Shorten(s);
    }

    /// <summary>
    /// Moves <paramref name="source"/> into <paramref name="directory"/> under the sanitised <paramref name="offered"/>
    /// name, never overwriting; returns the final path.
    /// </summary>
    /// <exception cref="IOException">No free name, or the move failed.</exception>
    internal static string MoveInto(string source, string directory, string offered)
    {
        for (int attempt = 0; attempt <= MaxSuffix; attempt++)
        {
            string candidate = FreeName(directory, offered);
            if (TryMoveTo(source, candidate))
            {
                return candidate;
            }
        }

        throw new IOException("no free file name in the destination directory");
    }

    /// <summary>
    /// The first free name for <paramref name="offered"/> in <paramref name="directory"/> (created if missing):
    /// the sanitised name, then <c>name (1).ext</c>, <c>name (2).ext</c>, …; nothing is created there.
    /// </summary>
    /// <exception cref="IOException">No free name, or the name would leave the directory.</exception>
    /// <exception cref="FileTransferException"><see cref="FileTransferError.DestinationUnwritable"/>: the directory is
    /// missing and cannot be created (see <see cref="IsUnwritable"/>).</exception>
    internal static string FreeName(string directory, string offered)
    {
        string dir = Path.GetFullPath(directory);
        try
        {
            Directory.CreateDirectory(dir);
        }
        catch (Exception e) when (IsUnwritable(e))
        {
            throw new FileTransferException(FileTransferError.DestinationUnwritable, "the destination folder is missing and cannot be created", e);
        }

        string name = Sanitize(offered);
        string stem = Path.GetFileNameWithoutExtension(name);
        string ext = Path.GetExtension(name);
        for (int n = 0; n <= MaxSuffix; n++)
        {
            string candidate = Path.Combine(dir, n == 0 ? name : $"{stem} ({n}){ext}");
            if (!string.Equals(Path.GetDirectoryName(candidate), dir.TrimEnd(Path.DirectorySeparatorChar), StringComparison.Ordinal))
            {
                throw new IOException("the sanitised name left the destination directory");
            }

            if (!File.Exists(candidate) && !Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new IOException("no free file name in the destination directory");
    }

    /// <summary>Moves <paramref name="source"/> to <paramref name="candidate"/>; false when that name was taken in the meantime (never overwritten).</summary>
    /// <exception cref="FileTransferException"><see cref="FileTransferError.DestinationFull"/>: the destination is on another
    /// file system, and the copy the move makes there found it full (the part copied is removed, the source stays).
    /// <see cref="FileTransferError.DestinationUnwritable"/>: the destination folder cannot be written (the source stays).</exception>
    internal static bool TryMoveTo(string source, string candidate)
    {
        try
        {
            File.Move(source, candidate, overwrite: false);
            return true;
        }
        catch (IOException e) when (FileTransferException.WriteError(e) == FileTransferError.DiskFull)
        {
            // Not a taken name: the name was free, so what is there now is the cut-short copy of this move.
            if (File.Exists(source))
            {
                TryDelete(candidate);
            }

            throw new FileTransferException(FileTransferError.DestinationFull, "the destination folder's file system has no space for the file", e);
        }
        catch (IOException) when (File.Exists(candidate) || Directory.Exists(candidate))
        {
            return false;
        }
        catch (Exception e) when (IsUnwritable(e))
        {
            throw new FileTransferException(FileTransferError.DestinationUnwritable, "the destination folder cannot be written", e);
        }
    }

    /// <summary>
    /// Whether <paramref name="e"/> says a folder cannot be written now, in a way that someone can fix without this
    /// node (permissions, a file system mounted read-only, a folder that went away): <see cref="UnauthorizedAccessException"/>
    /// (EACCES, EPERM; Windows ERROR_ACCESS_DENIED), <see cref="DirectoryNotFoundException"/>, or an
    /// <see cref="IOException"/> carrying EROFS (30) or Windows ERROR_WRITE_PROTECT (19).
    /// </summary>
    internal static bool IsUnwritable(Exception e) => e switch
    {
        UnauthorizedAccessException or DirectoryNotFoundException => true,
        IOException io => (io.HResult & 0xFFFF) == (OperatingSystem.IsWindows() ? 19 : 30),
        _ => false,
    };

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Left behind; the transfer's state says why.
        }
    }

    private static bool IsReserved(string name)
    {
        string stem = name.Split('.')[0].TrimEnd();
        if (Array.Exists(s_reserved, r => string.Equals(r, stem, StringComparison.OrdinalIgnoreCase)))
        {
            return true;
        }

        return stem.Length == 4 && (stem.StartsWith("COM", StringComparison.OrdinalIgnoreCase) || stem.StartsWith("LPT", StringComparison.OrdinalIgnoreCase))
            && stem[3] is >= '0' and <= '9' or '¹' or '²' or '³';
    }

    private static string Shorten(string s)
    {
        if (s.Length <= MaxLength)
        {
            return s;
        }

        string ext = Path.GetExtension(s);
        if (ext.Length > 16)
        {
            ext = "";
        }

        int keep = MaxLength - ext.Length;
        if (char.IsHighSurrogate(s[keep - 1]))
        {
            keep--;
        }

        return s[..keep] + ext;
    }
}
