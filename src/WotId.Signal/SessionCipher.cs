// Encrypting and decrypting with a remote device (libsignal rust/protocol/src/session_cipher.rs and
// session_management.rs): unacknowledged sessions send PreKeySignalMessages; SignalMessages are tried on the current
// session, then on archived ones (a success promotes the session); PreKey messages reuse a session with the same base
// key or run PQXDH as responder. Nothing is stored unless decryption succeeds. Each operation holds the address's lock
// (SessionLocks) from load to store, and either hands the record it loaded to the store or disposes it.
using System;
using System.Threading;
using System.Threading.Tasks;
using WotId.Signal.Keys;
using WotId.Signal.Protocol;
using WotId.Signal.Ratchet;
using WotId.Signal.State;
using WotId.Signal.Stores;

namespace WotId.Signal;

/// <summary>
/// Encrypts to and decrypts from one remote device.
/// <para>
/// Concurrency: any number of ciphers and builders may run at once over one store object. Operations on the same
/// address (encrypt, decrypt, <see cref="SessionBuilder.ProcessPreKeyBundleAsync"/>) run one at a time, each from
/// loading the record to storing it, so no message key is ever used twice; operations on different addresses run in
/// parallel. Waiting for the address can be cancelled with the operation's token.
/// </para>
/// <para>
/// Ownership: each operation loads its own copy of the session record; on success it hands that copy to the store
/// (<see cref="ISessionStore.StoreSessionAsync"/> takes ownership), on failure it disposes it (which zeroes its
/// secrets) before returning, so the stored record is unchanged. Prekey records it loads are always disposed.
/// </para>
/// </summary>
public sealed class SessionCipher
{
    private readonly ISignalProtocolStore _store;
    private readonly ProtocolAddress _remote;
    private readonly TimeProvider _time;
    private readonly SessionLocks _locks;

    /// <summary>Creates a cipher for <paramref name="remote"/>.</summary>
    public SessionCipher(ISignalProtocolStore store, ProtocolAddress remote, TimeProvider? time = null)
    {
        _store = store ?? throw new ArgumentNullException(nameof(store));
        _remote = remote ?? throw new ArgumentNullException(nameof(remote));
        _time = time ?? TimeProvider.System;
        _locks = SessionLocks.For(store);
    }

    /// <summary>Encrypts <paramref name="plaintext"/>; a PreKeySignalMessage while the session is unacknowledged, else a SignalMessage.</summary>
    public async ValueTask<CiphertextMessage> EncryptAsync(ReadOnlyMemory<byte> plaintext, CancellationToken cancellationToken = default)
    {
        using SessionLocks.Releaser held = await _locks.AcquireAsync(_remote, cancellationToken).ConfigureAwait(false);
        SessionRecord? record = await _store.LoadSessionAsync(_remote, cancellationToken).ConfigureAwait(false)
            ?? throw new SignalProtocolException(SignalError.NoSession, "no session for " + _remote);
        try
        {
            CiphertextMessage result = await EncryptWithRecordAsync(record, plaintext, cancellationToken).ConfigureAwait(false);
            await _store.StoreSessionAsync(_remote, Release(ref record), cancellationToken).ConfigureAwait(false);
            return result;
        }
        finally
        {
            record?.Dispose();
        }
    }

    /// <summary>Decrypts a message of either type.</summary>
    public ValueTask<byte[]> DecryptAsync(CiphertextMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        return message.Type switch
        {
            CiphertextMessageType.PreKey => DecryptPreKeySignalMessageAsync(message.Serialized, cancellationToken),
            CiphertextMessageType.Whisper => DecryptSignalMessageAsync(message.Serialized, cancellationToken),
            _ => throw new SignalProtocolException(SignalError.InvalidEncoding, "unknown message type"),
        };
    }

    /// <summary>Decrypts a SignalMessage (type 2).</summary>
    public async ValueTask<byte[]> DecryptSignalMessageAsync(ReadOnlyMemory<byte> serialized, CancellationToken cancellationToken = default)
    {
        SignalMessage message = SignalMessage.Deserialize(serialized.Span);
        using SessionLocks.Releaser held = await _locks.AcquireAsync(_remote, cancellationToken).ConfigureAwait(false);
        SessionRecord? record = await _store.LoadSessionAsync(_remote, cancellationToken).ConfigureAwait(false)
            ?? throw new SignalProtocolException(SignalError.NoSession, "no session for " + _remote);
        try
        {
            byte[] plaintext = await DecryptWithRecordAsync(record, message, cancellationToken).ConfigureAwait(false);
            await _store.StoreSessionAsync(_remote, Release(ref record), cancellationToken).ConfigureAwait(false);
            return plaintext;
        }
        finally
        {
            record?.Dispose();
        }
    }

    /// <summary>
    /// Decrypts a PreKeySignalMessage (type 3), creating the session as responder when needed. A message that matches an
    /// existing session by its base key but names another identity key is refused with
    /// <see cref="SignalError.SessionIdentityMismatch"/>.
    /// </summary>
    public async ValueTask<byte[]> DecryptPreKeySignalMessageAsync(ReadOnlyMemory<byte> serialized, CancellationToken cancellationToken = default)
    {
        PreKeySignalMessage message = PreKeySignalMessage.Deserialize(serialized.Span);
        using SessionLocks.Releaser held = await _locks.AcquireAsync(_remote, cancellationToken).ConfigureAwait(false);
        if (!await _store.IsTrustedIdentityAsync(_remote, message.IdentityKey, Direction.Receiving, cancellationToken).ConfigureAwait(false))
        {
            throw new SignalProtocolException(SignalError.UntrustedIdentity, "untrusted identity for " + _remote);
        }

        SessionRecord? record = await _store.LoadSessionAsync(_remote, cancellationToken).ConfigureAwait(false) ?? new SessionRecord();
        try
        {
            byte[] plaintext = await DecryptPreKeyWithRecordAsync(record, message, cancellationToken).ConfigureAwait(false);
            await _store.SaveIdentityAsync(_remote, message.IdentityKey, cancellationToken).ConfigureAwait(false);
            await _store.StoreSessionAsync(_remote, Release(ref record), cancellationToken).ConfigureAwait(false);
            return plaintext;
        }
        finally
        {
            record?.Dispose();
        }
    }

    /// <summary>The remote address only.</summary>
    public override string ToString() => "SessionCipher(" + _remote + ")";

    /// <summary>Hands <paramref name="record"/> over (to the store, which owns it from then on) and clears the caller's reference.</summary>
    private static SessionRecord Release(ref SessionRecord? record)
    {
        SessionRecord owned = record!;
        record = null;
        return owned;
    }

    private async ValueTask<CiphertextMessage> EncryptWithRecordAsync(SessionRecord record, ReadOnlyMemory<byte> plaintext, CancellationToken cancellationToken)
    {
        SessionState state = record.Current ?? throw new SignalProtocolException(SignalError.NoSession, "no current session for " + _remote);
        PendingPreKey? pending = state.Pending;
        if (pending is not null &&
            _time.GetUtcNow().ToUnixTimeMilliseconds() - (long)pending.Timestamp > (long)SessionLimits.MaxUnacknowledgedSessionAge.TotalMilliseconds)
        {
            throw new SignalProtocolException(SignalError.NoSession, "unacknowledged session expired for " + _remote);
        }

        if (!await _store.IsTrustedIdentityAsync(_remote, state.RemoteIdentity, Direction.Sending, cancellationToken).ConfigureAwait(false))
        {
            throw new SignalProtocolException(SignalError.UntrustedIdentity, "untrusted identity for " + _remote);
        }

        SignalMessage message = TripleRatchet.Encrypt(state, plaintext.Span);
        CiphertextMessage result = pending is null
            ? new CiphertextMessage(CiphertextMessageType.Whisper, message.SerializedArray)
            : new CiphertextMessage(
                CiphertextMessageType.PreKey,
                PreKeySignalMessage.Create(
                    state.LocalRegistrationId, pending.PreKeyId, pending.SignedPreKeyId, pending.KyberPreKeyId, pending.KyberCiphertext,
                    pending.BaseKey, state.LocalIdentity, message).SerializedArray);
        return result;
    }

    private async ValueTask<byte[]> DecryptPreKeyWithRecordAsync(SessionRecord record, PreKeySignalMessage message, CancellationToken cancellationToken)
    {
        byte[] plaintext;
        if (FindSessionByBaseKey(record, message, out int archivedIndex) is { } state)
        {
            try
            {
                plaintext = TripleRatchet.Decrypt(state, message.Message);
            }
            catch (SignalProtocolException) when (archivedIndex >= 0)
            {
                state.Dispose();
                throw;
            }

            if (archivedIndex >= 0)
            {
                record.PromoteArchived(archivedIndex, state);
            }
        }
        else
        {
            if (message.MessageVersion < 4)
            {
                throw new SignalProtocolException(SignalError.X3dhNotSupported, "X3DH no longer supported");
            }

            using SessionLocks.Releaser preKeys = await _locks.AcquirePreKeysAsync(cancellationToken).ConfigureAwait(false);
            plaintext = await CreateSessionAndDecryptAsync(record, message, cancellationToken).ConfigureAwait(false);
        }

        return plaintext;
    }

    private async ValueTask<byte[]> DecryptWithRecordAsync(SessionRecord record, SignalMessage message, CancellationToken cancellationToken)
    {
        SignalProtocolException? first = null;
        if (record.Current is { } current)
        {
            await CheckTrustedAsync(current, cancellationToken).ConfigureAwait(false);
            try
            {
                return TripleRatchet.Decrypt(current, message);
            }
            catch (SignalProtocolException e) when (e.Error is SignalError.DecryptionFailed or SignalError.MessageTooFarInFuture or SignalError.InvalidSessionStructure)
            {
                first = e;
            }
        }

        for (int i = 0; i < record.Previous.Count; i++)
        {
            SessionState candidate;
            try
            {
                candidate = SessionState.Deserialize(record.Previous[i]);
            }
            catch (SignalProtocolException)
            {
                continue;
            }

            bool promoted = false;
            try
            {
                byte[] plaintext = TripleRatchet.Decrypt(candidate, message);
                await CheckTrustedAsync(candidate, cancellationToken).ConfigureAwait(false);
                record.PromoteArchived(i, candidate);
                promoted = true;
                return plaintext;
            }
            catch (SignalProtocolException e) when (e.Error is SignalError.DecryptionFailed or SignalError.MessageTooFarInFuture or SignalError.InvalidSessionStructure)
            {
                first ??= e;
            }
            finally
            {
                if (!promoted)
                {
                    candidate.Dispose();
                }
            }
        }

        if (first is null)
        {
            throw new SignalProtocolException(SignalError.NoSession, "no session available to decrypt from " + _remote);
        }

        throw new SignalProtocolException(SignalError.DecryptionFailed, "decryption failed (" + first.Message + ")", first);
    }

    /// <summary>
    /// The current or archived session started with the message's base key (an archived one is parsed into a new state
    /// the caller owns, and its index returned), or null. A match with another identity key is refused.
    /// </summary>
    private SessionState? FindSessionByBaseKey(SessionRecord record, PreKeySignalMessage message, out int archivedIndex)
    {
        archivedIndex = -1;
        if (record.Current is { } current && current.Version == message.MessageVersion && message.BaseKey.Equals(current.AliceBaseKey))
        {
            CheckSameIdentity(current, message);
            return current;
        }

        for (int i = 0; i < record.Previous.Count; i++)
        {
            SessionState candidate = SessionState.Deserialize(record.Previous[i]);
            if (candidate.Version == message.MessageVersion && message.BaseKey.Equals(candidate.AliceBaseKey))
            {
                try
                {
                    CheckSameIdentity(candidate, message);
                }
                catch (SignalProtocolException)
                {
                    candidate.Dispose();
                    throw;
                }

                archivedIndex = i;
                return candidate;
            }

            candidate.Dispose();
        }

        return null;
    }

    // libsignal keys the session on the base key alone; an attacker who rewraps a genuine message with its own identity
    // key would pass the inner MAC (computed with the session's identity) and then have its key saved for the address.
    private void CheckSameIdentity(SessionState state, PreKeySignalMessage message)
    {
        if (!message.IdentityKey.Equals(state.RemoteIdentity))
        {
            throw new SignalProtocolException(
                SignalError.SessionIdentityMismatch, "PreKey message from " + _remote + " names another identity key than its session");
        }
    }

    /// <summary>PQXDH as responder, then the first decrypt; on success the new state is current in <paramref name="record"/>.</summary>
    private async ValueTask<byte[]> CreateSessionAndDecryptAsync(SessionRecord record, PreKeySignalMessage message, CancellationToken cancellationToken)
    {
        SignedPreKeyRecord? spk = null;
        KyberPreKeyRecord? kyber = null;
        PreKeyRecord? oneTime = null;
        try
        {
            spk = await _store.LoadSignedPreKeyAsync(message.SignedPreKeyId, cancellationToken).ConfigureAwait(false)
                ?? throw new SignalProtocolException(SignalError.InvalidSignedPreKeyId, "unknown signed prekey id " + message.SignedPreKeyId);
            kyber = await _store.LoadKyberPreKeyAsync(message.KyberPreKeyId!.Value, cancellationToken).ConfigureAwait(false)
                ?? throw new SignalProtocolException(SignalError.InvalidKyberPreKeyId, "unknown Kyber prekey id " + message.KyberPreKeyId);
            if (message.PreKeyId is uint opkId)
            {
                oneTime = await _store.LoadPreKeyAsync(opkId, cancellationToken).ConfigureAwait(false)
                    ?? throw new SignalProtocolException(SignalError.InvalidPreKeyId, "unknown prekey id " + opkId);
            }

            IdentityKeyPair identity = await _store.GetIdentityKeyPairAsync(cancellationToken).ConfigureAwait(false);
            uint registrationId = await _store.GetLocalRegistrationIdAsync(cancellationToken).ConfigureAwait(false);
            SessionState state = SessionInitializer.CreateBob(identity, registrationId, spk, oneTime, kyber, message);
            byte[] plaintext;
            try
            {
                plaintext = TripleRatchet.Decrypt(state, message.Message);
            }
            catch
            {
                state.Dispose();
                throw;
            }

            // From here the record owns the state; it is stored only if the prekey bookkeeping below succeeds.
            record.PromoteState(state);
            await _store.MarkKyberPreKeyUsedAsync(kyber.Id, message.SignedPreKeyId, message.BaseKey, cancellationToken).ConfigureAwait(false);
            if (oneTime is not null)
            {
                await _store.RemovePreKeyAsync(oneTime.Id, cancellationToken).ConfigureAwait(false);
            }

            return plaintext;
        }
        finally
        {
            spk?.Dispose();
            kyber?.Dispose();
            oneTime?.Dispose();
        }
    }

    private async ValueTask CheckTrustedAsync(SessionState state, CancellationToken cancellationToken)
    {
        if (!await _store.IsTrustedIdentityAsync(_remote, state.RemoteIdentity, Direction.Receiving, cancellationToken).ConfigureAwait(false))
        {
            throw new SignalProtocolException(SignalError.UntrustedIdentity, "untrusted identity for " + _remote);
        }
    }
}
