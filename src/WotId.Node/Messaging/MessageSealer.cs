// The core of the messaging layer (docs/node.md "Messaging"): a wot.id message becomes a signed TSP message, then a
// Signal message, then a sealed envelope; an incoming envelope goes the other way and is stored exactly once.
//
// Exactly once across kills: every Signal change (session record, remote identity, used prekeys) is collected by a
// BufferedSignalStore and committed in the same SQLite transaction as the outbox row (sending) or the dedup and inbox
// rows (receiving). A process killed before that commit has changed nothing, so the copy sent again still decrypts;
// a process killed after it has stored the message, so the copy sent again is a duplicate.
//
// Operations of all MessageSealer objects over one profile run one at a time (one lock per profile Signal store,
// held from loading the session to the commit); session operations on the profile go through this class.
using System;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using WotId.Node.Handshake;
using WotId.Node.Storage;
using WotId.Signal;
using WotId.Signal.Keys;
using WotId.Signal.Protocol;
using WotId.Signal.State;
using WotId.Tsp.Messages;
using WotId.Tsp.Wire;
using NodeProfile = WotId.Node.Profile.Profile;

namespace WotId.Node.Messaging;

/// <summary>Seals outgoing and opens incoming messages of one profile.</summary>
internal sealed partial class MessageSealer
{
    /// <summary>The Signal device id of every wot.id node (one device per DID).</summary>
    internal const uint DeviceId = 1;

    private static readonly ConditionalWeakTable<SqliteSignalProtocolStore, SemaphoreSlim> s_locks = [];

    private readonly NodeProfile _profile;
    private readonly TimeProvider _time;
    private readonly SigningKeyTspSigner _signer;
    private readonly TspMessageVerifier _verifier;
    private readonly SemaphoreSlim _lock;
    private readonly byte[] _ownDidHash;

    internal MessageSealer(NodeProfile profile, TimeProvider? time = null, WotId.Identity.Dids.IDidResolver? dids = null)
    {
        _profile = profile ?? throw new ArgumentNullException(nameof(profile));
        _time = time ?? TimeProvider.System;
        _signer = new SigningKeyTspSigner(profile.SigningKey);
        // Senders with a did:iota identity are resolved through the node's DID resolver (TspDidDocumentKeyResolver).
        _verifier = new TspMessageVerifier(new TspDidKeyResolver(dids is null ? null : new TspDidDocumentKeyResolver(dids)), TspMessageCodec.DefaultMaxMessageSize);
        _lock = s_locks.GetValue(profile.SignalStore, static _ => new SemaphoreSlim(1, 1));
        _ownDidHash = SealedEnvelopeCodec.HashDid(profile.Did);
    }

    /// <summary>The Signal address of a contact: its DID, device 1.</summary>
    internal static ProtocolAddress Address(Contact contact) => new(contact.Did, DeviceId);

    /// <summary>
    /// Starts a session (PQXDH) from <paramref name="bundle"/> unless the contact's current session is with the
    /// bundle's identity key. The bundle's identity key is recorded on the contact (a different one puts it in key_changed)
    /// and, when it is the contact's stored bundle, that bundle is marked spent (ContactStore.SpendPreKeyBundle) in the
    /// same transaction. Returns true when a session was created.
    /// </summary>
    /// <exception cref="MessagingException"><see cref="MessageRejectReason.BadSignature"/> for a bundle whose prekey signatures do not verify.</exception>
    internal async ValueTask<bool> EnsureSessionAsync(Contact contact, PreKeyBundle bundle, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(contact);
        ArgumentNullException.ThrowIfNull(bundle);
        ProtocolAddress address = Address(contact);
        await _lock.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            using (SessionRecord? existing = _profile.SignalStore.LoadSession(address))
            {
                if (existing?.RemoteIdentityKey is { } current && current.Equals(bundle.IdentityKey))
                {
                    return false;
                }
            }

            using var pending = new BufferedSignalStore(_profile.SignalStore, trustedForSending: null);
            try
            {
                await new SessionBuilder(pending, address, _time).ProcessPreKeyBundleAsync(bundle, ct).ConfigureAwait(false);
            }
            catch (SignalProtocolException e)
            {
                throw new MessagingException(e.Error == SignalError.InvalidSignature ? MessageRejectReason.BadSignature : MessageRejectReason.Malformed, "prekey bundle: " + e.Error, e);
            }

            byte[] identity = bundle.IdentityKey.Serialize();
            // Not durable (docs/node.md "Durability"): nothing leaves the node with this session before the FULL commit
            // that seals the first message with it, which makes this commit durable too; a session lost on power
            // failure before that is made again from the stored bundle.
            _profile.Database.Write(
                (c, t) =>
                {
                    pending.Commit(c, t);
                    _profile.Contacts.ObserveIdentityKey(c, t, contact.Id, identity);
                    _profile.Contacts.SpendPreKeyBundle(c, t, contact.Id, bundle);
                },
                durable: false);
            return true;
        }
        finally
        {
            _lock.Release();
        }
    }

    /// <summary>Whether a Signal session with the contact exists.</summary>
    internal bool HasSession(Contact contact)
    {
        ArgumentNullException.ThrowIfNull(contact);
        using SessionRecord? record = _profile.SignalStore.LoadSession(Address(contact));
        return record is { HasCurrentState: true };
    }

    /// <summary>
    /// Seals <paramref name="message"/> for the contact (signed TSP, Signal, sealed envelope) and commits the session
    /// state. For messages that need no outbox row (the runtime's own retries use <see cref="SealAndQueueAsync"/>).
    /// </summary>
    /// <exception cref="MessagingException">
    /// <see cref="MessageRejectReason.UntrustedIdentity"/> (contact in key_changed), <see cref="MessageRejectReason.NoSession"/>
    /// (no session, or the current one is with another identity key than the accepted one: call <see cref="EnsureSessionAsync"/>),
    /// <see cref="MessageRejectReason.TooLarge"/>.
    /// </exception>
    internal async ValueTask<byte[]> SealAsync(Contact contact, WotMessage message, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(message);
        Contact current = Current(contact);
        RequireTrusted(current);
        await _lock.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            using var pending = new BufferedSignalStore(_profile.SignalStore, current.IdentityKey);
            byte[] envelope = await SealCoreAsync(pending, current, message, ct).ConfigureAwait(false);
            _profile.Database.Write(pending.Commit);
            return envelope;
        }
        finally
        {
            _lock.Release();
        }
    }

    /// <summary>
    /// Seals <paramref name="message"/> and stores it in the outbox (state queued) in one transaction with the session
    /// state; returns the message id. Timestamps of messages queued to one contact strictly increase: a message
    /// stamped at or before its predecessor is restamped 1 ms after it (the conversation order, docs/node.md
    /// "Messaging", "Order"). For a contact in key_changed the message is stored unsealed in state held (no
    /// exception); <see cref="ReleaseHeldAsync"/> seals it after the key change is accepted.
    /// </summary>
    /// <exception cref="MessagingException"><see cref="MessageRejectReason.NoSession"/>, <see cref="MessageRejectReason.TooLarge"/>.</exception>
    internal async ValueTask<string> SealAndQueueAsync(Contact contact, WotMessage message, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(message);
        Contact current = Current(contact);
        await _lock.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            long last = _profile.Database.Read(c => MessageStore.LastSentAt(c, null, current.Id));
            if (message.Timestamp.ToUnixTimeMilliseconds() <= last)
            {
                message = WotMessage.Create(message.Type, message.Payload, new FixedTime(DateTimeOffset.FromUnixTimeMilliseconds(last + 1)), message.Id);
            }

            byte[] json = WotMessageCodec.Serialize(message);
            if (current.Verification == ContactVerification.KeyChangedHeld)
            {
                _profile.Database.Write((c, t) => _profile.Messages.InsertOutgoing(c, t, current.Id, message, json, ReadOnlySpan<byte>.Empty, OutboxState.Held));
                return message.Id;
            }

            using var pending = new BufferedSignalStore(_profile.SignalStore, current.IdentityKey);
            byte[] envelope = await SealCoreAsync(pending, current, message, ct).ConfigureAwait(false);
            _profile.Database.Write((c, t) =>
            {
                pending.Commit(c, t);
                _profile.Messages.InsertOutgoing(c, t, current.Id, message, json, envelope, OutboxState.Queued);
            });
            return message.Id;
        }
        finally
        {
            _lock.Release();
        }
    }

    /// <summary>Seals the contact's held messages (after its key change was accepted) and moves them to queued; returns their ids.</summary>
    /// <exception cref="MessagingException"><see cref="MessageRejectReason.UntrustedIdentity"/> while the key change is not accepted.</exception>
    internal async ValueTask<System.Collections.Generic.IReadOnlyList<string>> ReleaseHeldAsync(Contact contact, CancellationToken ct)
    {
        Contact current = Current(contact);
        RequireTrusted(current);
        var released = new System.Collections.Generic.List<string>();
        await _lock.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            foreach ((string id, byte[] json) in _profile.Messages.Held(current.Id))
            {
                WotMessage message = WotMessageCodec.Parse(json);
                using var pending = new BufferedSignalStore(_profile.SignalStore, current.IdentityKey);
                byte[] envelope = await SealCoreAsync(pending, current, message, ct).ConfigureAwait(false);
                _profile.Database.Write((c, t) =>
                {
                    pending.Commit(c, t);
                    _profile.Messages.ReleaseHeld(c, t, current.Id, id, envelope);
                });
                released.Add(id);
            }
        }
        finally
        {
            _lock.Release();
        }

        return released;
    }

    /// <inheritdoc />
    public override string ToString() => "MessageSealer(" + _profile.Name + ")";

    private static void RequireTrusted(Contact contact)
    {
        if (contact.Verification == ContactVerification.KeyChangedHeld)
        {
            throw new MessagingException(MessageRejectReason.UntrustedIdentity, "the contact's identity key changed; accept it first");
        }
    }

    /// <summary>The contact as stored now (verification and keys may have changed since the caller read it).</summary>
    private Contact Current(Contact contact)
    {
        ArgumentNullException.ThrowIfNull(contact);
        return _profile.Contacts.Get(contact.Id) ?? throw new MessagingException(MessageRejectReason.UnknownSender, "no such contact");
    }

    private async ValueTask<byte[]> SealCoreAsync(BufferedSignalStore pending, Contact contact, WotMessage message, CancellationToken ct)
    {
        byte[] tsp = SignedWotMessage.Sign(_signer, _profile.Did, contact.Did, message);
        if (tsp.Length > SealedEnvelopeCodec.MaxCiphertextLength - MaxSignalOverhead)
        {
            throw new MessagingException(MessageRejectReason.TooLarge, "the signed message does not fit a sealed envelope");
        }

        CiphertextMessage ciphertext;
        try
        {
            ciphertext = await new SessionCipher(pending, Address(contact), _time).EncryptAsync(tsp, ct).ConfigureAwait(false);
        }
        catch (SignalProtocolException e) when (e.Error == SignalError.NoSession)
        {
            throw new MessagingException(MessageRejectReason.NoSession, "no Signal session with the contact", e);
        }
        catch (SignalProtocolException e) when (e.Error == SignalError.UntrustedIdentity)
        {
            // The current session belongs to another identity key than the accepted one (an old session was promoted
            // by a late message after a key change): a new session from a bundle is needed (EnsureSessionAsync).
            throw new MessagingException(MessageRejectReason.NoSession, "the current session is not with the contact's accepted identity key", e);
        }

        return SealedEnvelopeCodec.Encode(_ownDidHash, (byte)ciphertext.Type, ciphertext.Serialized);
    }

    /// <summary>A clock stopped at one instant (to restamp a message).</summary>
    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
