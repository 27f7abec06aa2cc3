// State layout under --home (default ~/.wotid) for the identity commands:
//   identity.key           holder key (did new default), encrypted (EncryptedKeyFile)
//   issuer/key.json        issuer key, encrypted
//   issuer/state.json      status list + credential-id → index table (IssuerState)
//   status/<sha256>.jws    published status list credentials by URL, read by `vc verify` (LocalStatusListCache)
// Key files and issuer state are owner-only from creation (PrivateFiles).
using System;
using System.IO;
using WotId.Identity.Keys;
using WotId.Identity.Status;

namespace WotId.Cli.Commands.Identity;

/// <summary>Paths and shared steps of the identity commands.</summary>
internal static class IdentityHome
{
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
            : throw new CliFailure(
                $"wrong passphrase or damaged key file {path}",
                $"check the passphrase ({Passphrase.EnvironmentVariable} or the terminal)",
                "wrong-passphrase",
                ExitCodes.WrongPassphrase);
    }

    /// <summary>Reads a key file without decrypting it.</summary>
    public static EncryptedKeyFile ReadKeyFile(string path)
    {
        if (!File.Exists(path))
        {
            throw new CliFailure($"no key file at {path}", "create one with `wotid did new` or pass the file's path", "not-found", ExitCodes.InvalidInput);
        }

        try
        {
            return EncryptedKeyFile.Parse(File.ReadAllText(path));
        }
        catch (FormatException ex)
        {
            throw new CliFailure($"{path} is not a wotid key file: {ex.Message}", null, "invalid-input", ExitCodes.InvalidInput);
        }
    }

    /// <summary>Refuses to replace <paramref name="path"/> unless <paramref name="force"/>; call before any expensive step.</summary>
    public static void RefuseExisting(string path, bool force)
    {
        if (!force && File.Exists(path))
        {
            throw new CliFailure($"{path} exists", "pass --force to replace it (its key is lost), or choose another file", "exists", ExitCodes.InvalidInput);
        }
    }

    /// <summary>Writes a key or state file atomically, owner-only from creation, creating owner-only folders.</summary>
    public static void WritePrivate(string path, string content, bool overwrite)
    {
        RefuseExisting(path, overwrite);
        PrivateFiles.WriteAtomically(path, content);
    }
}
