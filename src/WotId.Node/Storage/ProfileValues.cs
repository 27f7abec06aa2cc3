// The profile table: one key/value row per setting. Secret values are sealed with the at-rest key under the cell
// (profile, value, key); plain values are UTF-8 text. Every value read back is checked (a copied or edited database is
// untrusted): a missing required value or an unparsable number is ProfileError.Corrupt.
using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using WotId.Node.Profile;

namespace WotId.Node.Storage;

/// <summary>Reads and writes rows of the <c>profile</c> table inside a caller's connection or transaction.</summary>
internal static class ProfileValues
{
    /// <summary>Longest plain text value accepted from the database.</summary>
    internal const int MaxTextBytes = 64 * 1024;

    private const string Table = "profile";

    internal static byte[]? Get(SqliteConnection c, SqliteTransaction? t, string key) =>
        ProfileDatabase.Scalar(c, t, "SELECT value FROM profile WHERE key = $1", key) switch
        {
            null => null,
            byte[] b => b,
            _ => throw new ProfileException(ProfileError.Corrupt, $"profile value {key} has the wrong type"),
        };

    internal static void Set(SqliteConnection c, SqliteTransaction t, string key, byte[] value) =>
        ProfileDatabase.Execute(c, t, "INSERT INTO profile(key, value) VALUES($1, $2) ON CONFLICT(key) DO UPDATE SET value = $2", key, value);

    internal static void Delete(SqliteConnection c, SqliteTransaction t, string key) =>
        ProfileDatabase.Execute(c, t, "DELETE FROM profile WHERE key = $1", key);

    internal static string? GetText(SqliteConnection c, SqliteTransaction? t, string key)
    {
        byte[]? b = Get(c, t, key);
        if (b is null)
        {
            return null;
        }

        if (b.Length > MaxTextBytes)
        {
            throw new ProfileException(ProfileError.Corrupt, $"profile value {key} is too long");
        }

        try
        {
            return new UTF8Encoding(false, true).GetString(b);
        }
        catch (DecoderFallbackException e)
        {
            throw new ProfileException(ProfileError.Corrupt, $"profile value {key} is not UTF-8", e);
        }
    }

    internal static string RequireText(SqliteConnection c, SqliteTransaction? t, string key) =>
        GetText(c, t, key) ?? throw new ProfileException(ProfileError.Corrupt, $"profile value {key} is missing");

    internal static void SetText(SqliteConnection c, SqliteTransaction t, string key, string value) => Set(c, t, key, Encoding.UTF8.GetBytes(value));

    internal static long? GetInt64(SqliteConnection c, SqliteTransaction? t, string key) =>
        GetText(c, t, key) is not string s ? null
        : long.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out long v) ? v
        : throw new ProfileException(ProfileError.Corrupt, $"profile value {key} is not a number");

    internal static long RequireInt64(SqliteConnection c, SqliteTransaction? t, string key) =>
        GetInt64(c, t, key) ?? throw new ProfileException(ProfileError.Corrupt, $"profile value {key} is missing");

    internal static void SetInt64(SqliteConnection c, SqliteTransaction t, string key, long value) =>
        SetText(c, t, key, value.ToString(CultureInfo.InvariantCulture));

    /// <summary>Opens a sealed value; null when absent.</summary>
    internal static byte[]? GetSealed(AtRestKey k, SqliteConnection c, SqliteTransaction? t, string key) =>
        Get(c, t, key) is byte[] b ? k.Open(Table, "value", key, b) : null;

    internal static byte[] RequireSealed(AtRestKey k, SqliteConnection c, SqliteTransaction? t, string key) =>
        GetSealed(k, c, t, key) ?? throw new ProfileException(ProfileError.Corrupt, $"profile value {key} is missing");

    internal static void SetSealed(AtRestKey k, SqliteConnection c, SqliteTransaction t, string key, System.ReadOnlySpan<byte> plaintext) =>
        Set(c, t, key, k.Seal(Table, "value", key, plaintext));
}
