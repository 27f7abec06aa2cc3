// Key and secret files: created readable by the owner only from the first byte (UnixCreateMode on open, never a
// chmod afterwards, which would leave a window with the umask's mode), folders owner-only (0700). Every command
// that writes a key file or secret state goes through here.
using System;
using System.IO;

namespace WotId.Cli;

/// <summary>Writes owner-only files and folders.</summary>
internal static class PrivateFiles
{
    /// <summary>Mode of a secret file: 0600.</summary>
    public const UnixFileMode FileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>Mode of a folder holding secrets: 0700.</summary>
    public const UnixFileMode FolderMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    /// <summary>Creates <paramref name="path"/> and missing parents as owner-only folders (existing ones are left alone).</summary>
    public static void CreateFolder(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
        }
        else
        {
            Directory.CreateDirectory(path, FolderMode);
        }
    }

    /// <summary>Writes a new file; fails with <see cref="IOException"/> when it exists.</summary>
    public static void WriteNew(string path, ReadOnlySpan<byte> content)
    {
        CreateParent(path);
        using FileStream f = Open(path, System.IO.FileMode.CreateNew);
        f.Write(content);
        f.Flush(flushToDisk: true);
    }

    /// <summary>Writes <paramref name="content"/> to a fresh temporary file and renames it over <paramref name="path"/>.</summary>
    public static void WriteAtomically(string path, ReadOnlySpan<byte> content)
    {
        CreateParent(path);
        string tmp = path + ".tmp";
        File.Delete(tmp);
        using (FileStream f = Open(tmp, System.IO.FileMode.CreateNew))
        {
            f.Write(content);
            f.Flush(flushToDisk: true);
        }

        File.Move(tmp, path, overwrite: true);
    }

    /// <summary>UTF-8 text form of <see cref="WriteAtomically(string, ReadOnlySpan{byte})"/>.</summary>
    public static void WriteAtomically(string path, string content) =>
        WriteAtomically(path, System.Text.Encoding.UTF8.GetBytes(content));

    private static FileStream Open(string path, System.IO.FileMode mode)
    {
        var options = new FileStreamOptions { Mode = mode, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = FileMode;
        }

        return new FileStream(path, options);
    }

    private static void CreateParent(string path)
    {
        string? dir = Path.GetDirectoryName(Path.GetFullPath(path));
        if (dir is not null)
        {
            CreateFolder(dir);
        }
    }
}
