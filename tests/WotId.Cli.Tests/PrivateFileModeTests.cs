// Key files and secret state are owner-only (0600) and their folders 0700, whichever command writes them.
using System;
using System.IO;
using System.Runtime.Versioning;
using System.Threading;
using System.Threading.Tasks;
using WotId.Cli.Commands.Net;

namespace WotId.Cli.Tests;

[Collection(nameof(Identity.PassphraseEnvironment))]
[UnsupportedOSPlatform("windows")]
public sealed class PrivateFileModeTests : IDisposable
{
    private const UnixFileMode OwnerFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode OwnerFolder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "wotid-cli-modes-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        Environment.SetEnvironmentVariable("WOTID_PASSPHRASE", null);
        if (Directory.Exists(_dir))
        {
            Directory.Delete(_dir, recursive: true);
        }
    }

    [Fact]
    public async Task IdentityAndIssuerKeysAreOwnerOnly()
    {
        Assert.SkipWhen(OperatingSystem.IsWindows(), "Unix file modes");
        Environment.SetEnvironmentVariable("WOTID_PASSPHRASE", "correct horse battery staple");
        string home = Path.Combine(_dir, "home");
        string[] kdf = ["--kdf-memory", "1024", "--kdf-iterations", "1", "--home", home];
        Assert.Equal(ExitCodes.Ok, await Program.RunAsync(["did", "new", .. kdf], TextWriter.Null, TextWriter.Null, CancellationToken.None));
        Assert.Equal(ExitCodes.Ok, await Program.RunAsync(["issuer", "init", .. kdf], TextWriter.Null, TextWriter.Null, CancellationToken.None));

        Assert.Equal(OwnerFolder, File.GetUnixFileMode(home));
        Assert.Equal(OwnerFile, File.GetUnixFileMode(Path.Combine(home, "identity.key")));
        Assert.Equal(OwnerFolder, File.GetUnixFileMode(Path.Combine(home, "issuer")));
        Assert.Equal(OwnerFile, File.GetUnixFileMode(Path.Combine(home, "issuer", "key.json")));
        Assert.Equal(OwnerFile, File.GetUnixFileMode(Path.Combine(home, "issuer", "state.json")));
    }

    [Fact]
    public async Task MailboxAccountKeyIsOwnerOnly()
    {
        Assert.SkipWhen(OperatingSystem.IsWindows(), "Unix file modes");
        string home = Path.Combine(_dir, "mailbox-home");
        Assert.Equal(ExitCodes.Ok, await Program.RunAsync(["mailbox", "create", "--home", home], TextWriter.Null, TextWriter.Null, CancellationToken.None));
        Assert.Equal(OwnerFolder, File.GetUnixFileMode(Path.Combine(home, "mailbox")));
        Assert.Equal(OwnerFile, File.GetUnixFileMode(Path.Combine(home, "mailbox", "account.key")));
    }

    [Fact]
    public void PeerKeyIsOwnerOnly()
    {
        Assert.SkipWhen(OperatingSystem.IsWindows(), "Unix file modes");
        string path = Path.Combine(_dir, "keys", "peer.key");
        using (NetSupport.LoadOrCreateKey(path))
        {
        }

        Assert.Equal(OwnerFile, File.GetUnixFileMode(path));
        Assert.Equal(OwnerFolder, File.GetUnixFileMode(Path.GetDirectoryName(path)!));
    }

    [Fact]
    public void AtomicWriteOverAReadableFileLeavesAnOwnerOnlyFile()
    {
        Assert.SkipWhen(OperatingSystem.IsWindows(), "Unix file modes");
        Directory.CreateDirectory(_dir);
        string path = Path.Combine(_dir, "state.json");
        File.WriteAllText(path, "old");
        File.SetUnixFileMode(path, OwnerFile | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        File.WriteAllText(path + ".tmp", "left over by a crash");
        File.SetUnixFileMode(path + ".tmp", OwnerFile | UnixFileMode.OtherRead);

        PrivateFiles.WriteAtomically(path, "new");

        Assert.Equal("new", File.ReadAllText(path));
        Assert.Equal(OwnerFile, File.GetUnixFileMode(path));
        Assert.False(File.Exists(path + ".tmp"));
    }

    [Fact]
    public void WriteNewNeverReplacesAFile()
    {
        Directory.CreateDirectory(_dir);
        string path = Path.Combine(_dir, "key");
        PrivateFiles.WriteNew(path, [1, 2, 3]);
        Assert.Throws<IOException>(() => PrivateFiles.WriteNew(path, [4]));
        Assert.Equal([1, 2, 3], File.ReadAllBytes(path));
    }
}
