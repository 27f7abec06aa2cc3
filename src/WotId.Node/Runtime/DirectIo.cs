// Unbuffered writes on Linux (open(2) O_DIRECT, switched on an open descriptor with fcntl(2) F_SETFL): the receiver's
// partial file is written straight from the chunk buffers to the device, without the copy into the page cache and
// the writeback of dirty pages at each fsync. On this project's 2-core VM a 1 GiB write with an fsync every 32 MiB
// cost 1.17 CPU-s buffered (256 KiB writes) and 0.22 CPU-s unbuffered in 1 MiB writes in a quiet run (`node-file-cpu`;
// docs/benchmarks.md "File transfer: the two-stage receiver with unbuffered writes"). .NET has no FileOptions value
// for it on Unix. The file system may refuse the flag (EINVAL); the caller then writes buffered. Unbuffered writes
// need the offset, the length and the buffer's address aligned to the device's logical block size; Alignment (4 KiB)
// covers every common device.
using System;
using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace WotId.Node.Runtime;

/// <summary>Switches O_DIRECT on an open file descriptor (Linux only).</summary>
internal static class DirectIo
{
    /// <summary>The alignment of offsets, lengths and buffer addresses for unbuffered writes.</summary>
    internal const int Alignment = 4096;

    private const int GetFlags = 3; // F_GETFL
    private const int SetFlags = 4; // F_SETFL

    /// <summary>O_DIRECT's value on this Linux architecture, or 0 where it is not known.</summary>
    private static int Flag => RuntimeInformation.ProcessArchitecture switch
    {
        Architecture.X64 or Architecture.X86 => 0x4000,
        Architecture.Arm64 or Architecture.Arm => 0x10000,
        _ => 0,
    };

    /// <summary>Sets or clears O_DIRECT on <paramref name="handle"/>; false where that is not possible (not Linux, or refused).</summary>
    internal static bool TrySet(SafeFileHandle handle, bool on)
    {
        ArgumentNullException.ThrowIfNull(handle);
        if (!OperatingSystem.IsLinux() || Flag == 0 || handle.IsInvalid || handle.IsClosed)
        {
            return false;
        }

        bool added = false;
        try
        {
            handle.DangerousAddRef(ref added);
            int fd = (int)handle.DangerousGetHandle();
            int flags = Fcntl(fd, GetFlags, 0);
            if (flags < 0)
            {
                return false;
            }

            int wanted = on ? flags | Flag : flags & ~Flag;
            return wanted == flags || Fcntl(fd, SetFlags, wanted) == 0;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
        finally
        {
            if (added)
            {
                handle.DangerousRelease();
            }
        }
    }

    [DllImport("libc", EntryPoint = "fcntl", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int Fcntl(int fd, int command, int argument);
}
