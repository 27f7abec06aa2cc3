// Starting a session from a PreKeyBundle (libsignal rust/protocol/src/session.rs process_prekey_bundle;
// state/bundle.rs): trust check, both prekey signatures, PQXDH, then an unacknowledged session. Runs under the
// address's lock (SessionLocks), like every SessionCipher operation on the same address.
using System;
using System.Threading;
using System.Threading.Tasks;
using WotId.Signal.Keys;
using WotId.Signal.Ratchet;
using WotId.Signal.State;
using WotId.Signal.Stores;

namespace WotId.Signal;

/// <summary>
/// Creates sessions with one remote device from its published bundle. Safe to use concurrently with
/// <see cref="SessionCipher"/> operations on the same store: see the concurrency contract there.
/// </summary>
public sealed class SessionBuilder
{
    private readonly ISignalProtocolStore _store;
    private readonly ProtocolAddress _remote;
    private readonly TimeProvider _time;
    private readonly SessionLocks _locks;

    /// <summary>Creates a builder for <paramref name="remote"/>.</summary>
    public SessionBuilder(ISignalProtocolStore store, ProtocolAddress remote, TimeProvider? time = null)
    {
        _store = store ?? throw new ArgumentNullException(nameof(store));
        _remote = remote ?? throw new ArgumentNullException(nameof(remote));
        _time = time ?? TimeProvider.System;
        _locks = SessionLocks.For(store);
    }

    /// <summary>
    /// Verifies <paramref name="bundle"/> and starts a new current session (the previous one is archived).
    /// Throws <see cref="SignalProtocolException"/> with <see cref="SignalError.UntrustedIdentity"/> when the bundle's
    /// identity differs from the trusted one, <see cref="SignalError.InvalidSignature"/> on a bad prekey signature.
    /// </summary>
    /// <returns>Whether saving the identity replaced a different key.</returns>
    public async ValueTask<IdentityChange> ProcessPreKeyBundleAsync(PreKeyBundle bundle, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(bundle);
        using SessionLocks.Releaser held = await _locks.AcquireAsync(_remote, cancellationToken).ConfigureAwait(false);
        if (!await _store.IsTrustedIdentityAsync(_remote, bundle.IdentityKey, Direction.Sending, cancellationToken).ConfigureAwait(false))
        {
            throw new SignalProtocolException(SignalError.UntrustedIdentity, "untrusted identity for " + _remote);
        }

        if (!bundle.IdentityKey.VerifySignature(bundle.SignedPreKey.SerializedSpan, bundle.SignedPreKeySignature))
        {
            throw new SignalProtocolException(SignalError.InvalidSignature, "invalid signature on the signed prekey");
        }

        if (!bundle.IdentityKey.VerifySignature(bundle.KyberPreKey.SerializedSpan, bundle.KyberPreKeySignature))
        {
            throw new SignalProtocolException(SignalError.InvalidSignature, "invalid signature on the Kyber prekey");
        }

        IdentityKeyPair identity = await _store.GetIdentityKeyPairAsync(cancellationToken).ConfigureAwait(false);
        uint registrationId = await _store.GetLocalRegistrationIdAsync(cancellationToken).ConfigureAwait(false);
        SessionRecord record = await _store.LoadSessionAsync(_remote, cancellationToken).ConfigureAwait(false) ?? new SessionRecord();
        IdentityChange change;
        try
        {
            record.PromoteState(SessionInitializer.CreateAlice(identity, registrationId, bundle, (ulong)_time.GetUtcNow().ToUnixTimeMilliseconds()));
            change = await _store.SaveIdentityAsync(_remote, bundle.IdentityKey, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            record.Dispose();
            throw;
        }

        // The store takes the record over (ISessionStore), also when it throws.
        await _store.StoreSessionAsync(_remote, record, cancellationToken).ConfigureAwait(false);
        return change;
    }

    /// <summary>The remote address only.</summary>
    public override string ToString() => "SessionBuilder(" + _remote + ")";
}
