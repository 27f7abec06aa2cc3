// The profile's SQLite database: one connection, WAL journal (sqlite.org/wal.html), foreign keys on, a busy timeout,
// synchronous=FULL (a committed state change survives power loss) and secure_delete (freed pages are zeroed).
// Every write runs in one BEGIN IMMEDIATE transaction under an in-process lock, so each state change is atomic and
// two threads never interleave on the connection. A write whose loss on power failure is harmless (it is redone or
// only records a hint; docs/node.md "Durability") may commit with synchronous=NORMAL instead: in WAL mode that
// commit is atomic and survives a killed process, and the next FULL commit makes it durable with everything before
// it, so a power failure can only drop a suffix of such writes, never a FULL one or anything before it. The file is created empty with mode 0600 before SQLite opens it,
// so it is never readable by others, not even for an instant; SQLite gives the -wal and -shm files the same mode.
using System;
using System.IO;
using System.Threading;
using Microsoft.Data.Sqlite;
using WotId.Node.Profile;

namespace WotId.Node.Storage;

/// <summary>An open profile database and (once unlocked) its at-rest key.</summary>
internal sealed partial class ProfileDatabase : IDisposable
{
    /// <summary>Milliseconds SQLite waits for another process's lock.</summary>
    internal const int BusyTimeoutMs = 5_000;

    private readonly SqliteConnection _connection;
    private readonly Lock _gate = new();
    private AtRestKey? _key;
    private bool _deferredSync;

    private ProfileDatabase(string path, SqliteConnection connection)
    {
        Path = path;
        _connection = connection;
    }

    /// <summary>The database file.</summary>
    internal string Path { get; }

    /// <summary>The at-rest key; throws until <see cref="Unlock"/>.</summary>
    internal AtRestKey Key => _key ?? throw new InvalidOperationException("the profile database is locked");

    /// <summary>Creates the file (mode 0600, failing if it exists) and opens it at the latest schema (tests: at <paramref name="targetVersion"/>).</summary>
    internal static ProfileDatabase CreateNew(string path, int? targetVersion = null)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        try
        {
            using (new FileStream(path, options))
            {
            }
        }
        catch (IOException e) when (File.Exists(path))
        {
            throw new ProfileException(ProfileError.AlreadyExists, "a profile database already exists here", e);
        }

        return Open(path, targetVersion, mustBeProfile: false);
    }

    /// <summary>Opens an existing file and migrates it to the latest schema (or to <paramref name="targetVersion"/>).</summary>
    internal static ProfileDatabase OpenExisting(string path, int? targetVersion = null)
    {
        if (!File.Exists(path))
        {
            throw new ProfileException(ProfileError.NotFound, "no profile database here");
        }

        return Open(path, targetVersion, mustBeProfile: true);
    }

    /// <summary>Stores the at-rest key (owned by the database from now on).</summary>
    internal void Unlock(AtRestKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        lock (_gate)
        {
            _key?.Dispose();
            _key = key;
        }
    }

    /// <summary>Runs <paramref name="read"/> under the lock (no write transaction).</summary>
    internal T Read<T>(Func<SqliteConnection, T> read)
    {
        lock (_gate)
        {
            return Guard(() => read(_connection));
        }
    }

    /// <summary>Runs <paramref name="write"/> in one BEGIN IMMEDIATE transaction; commits (synchronous=FULL) when it returns, rolls back when it throws.</summary>
    internal T Write<T>(Func<SqliteConnection, SqliteTransaction, T> write) => Write(write, durable: true);

    /// <summary>
    /// As <see cref="Write{T}(Func{SqliteConnection, SqliteTransaction, T})"/>; with <paramref name="durable"/> false
    /// the commit does not wait for the disk (synchronous=NORMAL): only for writes whose loss on power failure is harmless.
    /// </summary>
    internal T Write<T>(Func<SqliteConnection, SqliteTransaction, T> write, bool durable)
    {
        lock (_gate)
        {
            return Guard(() =>
            {
                SetSynchronous(durable);
                using SqliteTransaction t = _connection.BeginTransaction(deferred: false);
                T result = write(_connection, t);
                t.Commit();
                return result;
            });
        }
    }

    /// <summary>As <see cref="Write{T}(Func{SqliteConnection, SqliteTransaction, T})"/> without a result.</summary>
    internal void Write(Action<SqliteConnection, SqliteTransaction> write) => Write(write, durable: true);

    /// <summary>As <see cref="Write{T}(Func{SqliteConnection, SqliteTransaction, T}, bool)"/> without a result.</summary>
    internal void Write(Action<SqliteConnection, SqliteTransaction> write, bool durable) => Write<bool>((c, t) =>
    {
        write(c, t);
        return true;
    }, durable);

    /// <summary>Closes the connection and zeroes the key.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            _key?.Dispose();
            _connection.Dispose();
        }
    }

    /// <inheritdoc />
    public override string ToString() => "ProfileDatabase";

    private static ProfileDatabase Open(string path, int? targetVersion, bool mustBeProfile)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWrite,
            Pooling = false,
            DefaultTimeout = BusyTimeoutMs / 1000,
        }.ToString());
        try
        {
            connection.Open();
            using (SqliteCommand c = connection.CreateCommand())
            {
                c.CommandText = $"PRAGMA journal_mode=WAL; PRAGMA foreign_keys=ON; PRAGMA busy_timeout={BusyTimeoutMs}; PRAGMA synchronous=FULL; PRAGMA secure_delete=ON;";
                c.ExecuteNonQuery();
            }

            if (mustBeProfile && SchemaMigrations.CurrentVersion(connection) == 0)
            {
                // Every profile is created at version 1 or later: version 0 is an empty file or another database.
                throw new ProfileException(ProfileError.Corrupt, "the file is not a profile database");
            }

            SchemaMigrations.Apply(connection, targetVersion);
            return new ProfileDatabase(path, connection);
        }
        catch (SqliteException e)
        {
            connection.Dispose();
            throw new ProfileException(ProfileError.Corrupt, "the file is not a readable profile database", e);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>Switches the connection's synchronous mode for the next commit (under the lock, outside a transaction).</summary>
    private void SetSynchronous(bool durable)
    {
        if (_deferredSync == !durable)
        {
            return;
        }

        using SqliteCommand c = _connection.CreateCommand();
        c.CommandText = durable ? "PRAGMA synchronous=FULL;" : "PRAGMA synchronous=NORMAL;";
        c.ExecuteNonQuery();
        _deferredSync = !durable;
    }

    private static T Guard<T>(Func<T> body)
    {
        try
        {
            return body();
        }
        catch (SqliteException e) when (e.SqliteErrorCode is 11 or 26)
        {
            // SQLITE_CORRUPT (11), SQLITE_NOTADB (26): the file was damaged or replaced.
            throw new ProfileException(ProfileError.Corrupt, "the profile database is damaged", e);
        }
    }
}
