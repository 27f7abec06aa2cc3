// State layout under --home (default ~/.wotid) for the identity commands:
//   identity.key           holder key (did new default), encrypted (EncryptedKeyFile)
//   issuer/key.json        issuer key, encrypted
//   issuer/state.json      status list + credential-id → index table (IssuerState)
//   status/<sha256>.jws    published status list credentials, read by `vc verify` (LocalStatusListCache)
using System;
using System.IO;
using WotId.Identity.Keys;
using WotId.Identity.Status;

namespace WotId.Cli.Commands.Identity;

/// <summary>Paths and shared steps of the identity commands.</summary>
internal static class IdentityHome
{
    public const string DefaultStatusUrl = "https://status.wot.id/lists/1";

    public static string HolderKey(CliContext c) => Path.Combine(c.Home, "identity.key");

    public static string IssuerKey(CliContext c) => Path.Combine(c.Home, "issuer", "key.json");

    public static string IssuerState(CliContext c) => Path.Combine(c.Home, "issuer", "state.json");

    public static LocalStatusListCache StatusLists(CliContext c) => new(Path.Combine(c.Home, "status"));

    /// <summary>Reads and decrypts a key file, or throws <see cref="CliFailure"/>.</summary>
    public static SigningKey OpenKey(CliContext c, string path)
    {
        EncryptedKeyFile file = ReadKeyFile(path);
        string passphrase = Passphrase.Read(c, confirm: false);
        return file.TryOpen(passphrase, out SigningKey? key) && key is not null
            ? key
            : throw new CliFailure("wrong passphrase or damaged key file");
    }

    /// <summary>Reads a key file without decrypting it.</summary>
    public static EncryptedKeyFile ReadKeyFile(string path)
    {
        if (!File.Exists(path))
        {
            throw new CliFailure($"no key file at {path}");
        }

        try
        {
            return EncryptedKeyFile.Parse(File.ReadAllText(path));
        }
        catch (FormatException ex)
        {
            throw new CliFailure($"{path} is not a wotid key file: {ex.Message}");
        }
    }

    /// <summary>Writes a file atomically, creating folders, readable by the owner only on Unix.</summary>
    public static void WritePrivate(string path, string content, bool overwrite)
    {
        if (!overwrite && File.Exists(path))
        {
            throw new CliFailure($"{path} exists (use --force to replace it)");
        }

        string? dir = Path.GetDirectoryName(Path.GetFullPath(path));
        if (dir is not null)
        {
            Directory.CreateDirectory(dir);
        }

        string tmp = path + ".tmp";
        File.WriteAllText(tmp, content);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(tmp, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        File.Move(tmp, path, overwrite: true);
    }
}
