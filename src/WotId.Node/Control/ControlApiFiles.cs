// The control API's files in the profile (docs/node.md "Control API"): control.sock (Unix socket), control.json (TCP
// endpoint) and control.token (bearer token), each owner-only (0600) in the 0700 profile directory. control.json and
// control.token are written atomically (a 0600 temporary file, then a rename).
using System;
using System.IO;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace WotId.Node.Control;

/// <summary>Paths and owner-only file writes.</summary>
internal static class ControlApiFiles
{
    public const string SocketFileName = "control.sock";
    public const string EndpointFileName = "control.json";
    public const string TokenFileName = "control.token";

    /// <summary>Linux's sun_path holds 107 bytes and a terminating zero.</summary>
    public const int MaxSocketPathBytes = 107;

    public const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    public static string SocketPath(string home) => Path.Combine(home, SocketFileName);

    public static string EndpointPath(string home) => Path.Combine(home, EndpointFileName);

    public static string TokenPath(string home) => Path.Combine(home, TokenFileName);

    /// <summary>Writes <paramref name="text"/> to <paramref name="path"/> with mode 0600, atomically.</summary>
    public static async Task WriteOwnerOnlyAsync(string path, string text, CancellationToken cancellationToken)
    {
        string temporary = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        FileStreamOptions options = new() { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = OwnerOnly;
        }

        try
        {
            FileStream stream = new(temporary, options);
            await using (stream.ConfigureAwait(false))
            {
                await stream.WriteAsync(Encoding.UTF8.GetBytes(text), cancellationToken).ConfigureAwait(false);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    /// <summary>Reads a small file; null when it is missing or larger than <see cref="ControlApiLimits.MaxControlFileBytes"/>.</summary>
    public static async Task<string?> ReadSmallAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            FileStream stream = new(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            await using (stream.ConfigureAwait(false))
            {
                if (stream.Length > ControlApiLimits.MaxControlFileBytes)
                {
                    return null;
                }

                byte[] buffer = new byte[ControlApiLimits.MaxControlFileBytes + 1];
                int length = await stream.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
                return length > ControlApiLimits.MaxControlFileBytes ? null : Encoding.UTF8.GetString(buffer, 0, length);
            }
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }

    /// <summary>Deletes a file if it exists.</summary>
    public static void DeleteIfExists(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (DirectoryNotFoundException)
        {
            // The profile itself is gone.
        }
    }

    /// <summary>Whether something accepts connections on the Unix socket at <paramref name="path"/>.</summary>
    public static async Task<bool> SocketAnswersAsync(string path, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            return false;
        }

        using Socket socket = new(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            await socket.ConnectAsync(new UnixDomainSocketEndPoint(path), cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (SocketException)
        {
            // ECONNREFUSED (a socket file nobody listens on), ENOENT, or a file that is no socket.
            return false;
        }
    }
}
