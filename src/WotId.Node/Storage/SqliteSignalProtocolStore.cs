// The Signal stores (libsignal rust/protocol/src/storage/traits.rs) over the profile database. Records are stored as
// their libsignal storage.proto serializations, sealed with the at-rest key (associated data: table, column, row key),
// so loads parse fresh copies that the caller owns and stores keep nothing but bytes: the ownership contract of
// WotId.Signal.Stores.ISessionStore holds by construction. Each call is one statement or one transaction; identities
// are trusted on first use, as in InMemorySignalProtocolStore. A stored value that fails to open or to parse
// (a copied or tampered database) raises ProfileException with ProfileError.Corrupt.
using System;
using System.Security.Cryptography;
using System.Threading;
using System.Threading.Tasks;
using WotId.Node.Profile;
using WotId.Signal;
using WotId.Signal.Keys;
using WotId.Signal.State;
using WotId.Signal.Stores;

namespace WotId.Node.Storage;

/// <summary>
/// <see cref="ISignalProtocolStore"/> over a profile database. The identity key pair is owned by the store and
/// disposed with it; the database is not (the profile owns it).
/// </summary>
internal sealed partial class SqliteSignalProtocolStore : ISignalProtocolStore, IDisposable
{
    private const string Sessions = "signal_sessions";
    private const string Identities = "signal_identities";
    private readonly ProfileDatabase _db;
    private readonly IdentityKeyPair _identity;
    private readonly uint _registrationId;
    private readonly TimeProvider _time;

    /// <summary>Creates the store; takes ownership of <paramref name="identity"/>.</summary>
    internal SqliteSignalProtocolStore(ProfileDatabase db, IdentityKeyPair identity, uint registrationId, TimeProvider? time = null)
    {
        _db = db ?? throw new ArgumentNullException(nameof(db));
        _identity = identity ?? throw new ArgumentNullException(nameof(identity));
        _registrationId = registrationId;
        _time = time ?? TimeProvider.System;
    }

    /// <inheritdoc />
    public ValueTask<IdentityKeyPair> GetIdentityKeyPairAsync(CancellationToken cancellationToken = default) => ValueTask.FromResult(_identity);

    /// <inheritdoc />
    public ValueTask<uint> GetLocalRegistrationIdAsync(CancellationToken cancellationToken = default) => ValueTask.FromResult(_registrationId);

    /// <inheritdoc />
    public ValueTask<IdentityChange> SaveIdentityAsync(ProtocolAddress address, EcPublicKey identityKey, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(address);
        ArgumentNullException.ThrowIfNull(identityKey);
        cancellationToken.ThrowIfCancellationRequested();
        IdentityChange change = _db.Write((c, t) => WriteIdentity(c, t, address, identityKey));
        return ValueTask.FromResult(change);
    }

    /// <inheritdoc />
    public ValueTask<bool> IsTrustedIdentityAsync(ProtocolAddress address, EcPublicKey identityKey, Direction direction, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(address);
        ArgumentNullException.ThrowIfNull(identityKey);
        cancellationToken.ThrowIfCancellationRequested();
        EcPublicKey? old = _db.Read(c => LoadIdentity(c, null, address.ToString()));
        return ValueTask.FromResult(old is null || old.Equals(identityKey));
    }

    /// <inheritdoc />
    public ValueTask<EcPublicKey?> GetIdentityAsync(ProtocolAddress address, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(address);
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(_db.Read(c => LoadIdentity(c, null, address.ToString())));
    }

    /// <inheritdoc />
    public ValueTask<SessionRecord?> LoadSessionAsync(ProtocolAddress address, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(address);
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(LoadSession(address));
    }

    /// <summary>A new copy of the session record for <paramref name="address"/> (the caller disposes it), or null.</summary>
    internal SessionRecord? LoadSession(ProtocolAddress address)
    {
        string row = address.ToString();
        byte[]? sealedRecord = _db.Read(c => ProfileDatabase.Scalar(c, null, "SELECT record FROM signal_sessions WHERE address = $1", row) as byte[]);
        return sealedRecord is null ? null : Decode(Sessions, row, sealedRecord, b => SessionRecord.Deserialize(b));
    }

    /// <inheritdoc />
    public ValueTask StoreSessionAsync(ProtocolAddress address, SessionRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        byte[] serialized;
        using (record)
        {
            // The store owns the record from the call on (ISessionStore), also when it throws: it keeps the bytes only.
            ArgumentNullException.ThrowIfNull(address);
            cancellationToken.ThrowIfCancellationRequested();
            serialized = record.Serialize();
        }

        _db.Write((c, t) => WriteSession(c, t, address, serialized));
        return ValueTask.CompletedTask;
    }

    /// <summary>Disposes the identity key pair.</summary>
    public void Dispose() => _identity.Dispose();

    /// <inheritdoc />
    public override string ToString() => "SqliteSignalProtocolStore";

    internal EcPublicKey? LoadIdentity(Microsoft.Data.Sqlite.SqliteConnection c, Microsoft.Data.Sqlite.SqliteTransaction? t, string row) =>
        ProfileDatabase.Scalar(c, t, "SELECT identity_key FROM signal_identities WHERE address = $1", row) is byte[] sealedKey
            ? Decode(Identities, row, sealedKey, b => EcPublicKey.Deserialize(b), "identity_key")
            : null;

    /// <summary>Seals serialized record bytes and wipes them.</summary>
    private byte[] SealRecord(string table, string row, byte[] serialized)
    {
        try
        {
            return _db.Key.Seal(table, "record", row, serialized);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(serialized);
        }
    }

    /// <summary>Opens a sealed cell and parses it; any failure is <see cref="ProfileError.Corrupt"/>.</summary>
    private T Decode<T>(string table, string row, byte[] sealedValue, Func<byte[], T> parse, string column = "record")
    {
        byte[] plain = _db.Key.Open(table, column, row, sealedValue);
        try
        {
            return parse(plain);
        }
        catch (SignalProtocolException e)
        {
            throw new ProfileException(ProfileError.Corrupt, $"stored {table} row does not parse", e);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plain);
        }
    }
}
