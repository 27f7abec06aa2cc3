// "One profile never runs two nodes": an exclusive lock on HOME/node.lock held for as long as a node runs. The file is
// opened with FileShare.None, which .NET turns into an exclusive advisory lock (flock) on Unix and a sharing-mode lock
// on Windows; the operating system drops it when the process dies, so a crash never leaves a stale lock behind.
using System;
using System.Globalization;
using System.IO;
using System.Text;

namespace WotId.Node.Profile;

/// <summary>The held lock of a profile's node; release by disposing.</summary>
public sealed class NodeLock : IDisposable
{
    /// <summary>The lock file's name in the profile home.</summary>
    public const string FileName = "node.lock";

    private readonly FileStream _stream;

    private NodeLock(FileStream stream, string path)
    {
        _stream = stream;
        Path = path;
    }

    /// <summary>The lock file.</summary>
    public string Path { get; }

    /// <summary>Takes the lock of the profile in <paramref name="home"/>.</summary>
    /// <exception cref="ProfileException"><see cref="ProfileError.Locked"/> when another node (in any process) holds it.</exception>
    public static NodeLock Acquire(string home)
    {
        ArgumentException.ThrowIfNullOrEmpty(home);
        string path = System.IO.Path.Combine(home, FileName);
        var options = new FileStreamOptions { Mode = FileMode.OpenOrCreate, Access = FileAccess.ReadWrite, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        FileStream stream;
        try
        {
            stream = new FileStream(path, options);
        }
        catch (IOException e) when (e is not FileNotFoundException and not DirectoryNotFoundException)
        {
            throw new ProfileException(ProfileError.Locked, "another node is running on this profile", e);
        }

        // The holder's process id, for people looking at the file; the lock itself is the open handle.
        stream.SetLength(0);
        stream.Write(Encoding.ASCII.GetBytes(Environment.ProcessId.ToString(CultureInfo.InvariantCulture) + "\n"));
        stream.Flush();
        return new NodeLock(stream, path);
    }

    /// <summary>Releases the lock (the file stays).</summary>
    public void Dispose() => _stream.Dispose();

    /// <inheritdoc />
    public override string ToString() => "NodeLock(" + Path + ")";
}
