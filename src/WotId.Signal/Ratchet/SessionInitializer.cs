// Session initialisation after PQXDH (libsignal rust/protocol/src/ratchet.rs initialize_alice_session /
// initialize_bob_session): Alice ratchets once onto Bob's signed prekey, Bob starts sending on it.
// SPQR starts with the PQR auth key (PQXDH bytes 64..96), A2B for Alice and B2A for Bob (notes §8.1).
using System;
using WotId.Crypto;
using WotId.Signal.Keys;
using WotId.Signal.Pqxdh;
using WotId.Signal.Spqr;
using WotId.Signal.State;

namespace WotId.Signal.Ratchet;

/// <summary>Builds the first <see cref="SessionState"/> of each role.</summary>
internal static class SessionInitializer
{
    private static readonly SpqrParameters s_spqrParameters = new(SessionLimits.MaxForwardJumps, SessionLimits.MaxMessageKeys);

    // Self-sessions (note to self between own devices) raise the jump limit; libsignal's spqr_chain_params lifts it
    // entirely, which would let one message make the receiver derive billions of keys.
    private static readonly SpqrParameters s_selfParameters = new(SessionLimits.MaxSelfSessionForwardJumps, SessionLimits.MaxMessageKeys);

    private static SpqrParameters ParametersFor(EcPublicKey ours, EcPublicKey theirs) => ours.Equals(theirs) ? s_selfParameters : s_spqrParameters;

    internal static SessionState CreateAlice(
        IdentityKeyPair ourIdentity, uint ourRegistrationId, PreKeyBundle bundle, ulong timestampMs)
    {
        using EcKeyPair baseKey = EcKeyPair.Generate();
        using PqxdhResult secrets = PqxdhKeyAgreement.Initiate(
            ourIdentity, baseKey, bundle.IdentityKey, bundle.SignedPreKey, bundle.PreKey, bundle.KyberPreKey, out byte[] kyberCiphertext);

        Span<byte> priv = stackalloc byte[32];
        byte[] pub = new byte[32];
        Span<byte> dh = stackalloc byte[32];
        Span<byte> root = stackalloc byte[32];
        Span<byte> sendingChain = stackalloc byte[32];
        RatchetSecret rootKey, sendingChainKey, ratchetPrivate;
        try
        {
            using (X25519PrivateKey ratchet = X25519PrivateKey.Generate())
            {
                ratchet.ExportPrivateKey(priv);
                ratchet.PublicKeySpan.CopyTo(pub);
            }

            if (!X25519.TryAgree(priv, bundle.SignedPreKey.PublicKeyBytes, dh))
            {
                throw new SignalProtocolException(SignalError.InvalidKeyAgreement, "X25519 agreement gave the all-zero value");
            }

            RatchetKdf.DeriveRoot(secrets.RootKey, dh, root, sendingChain);
            rootKey = RatchetSecret.Create(RatchetSecret.RootKeyName, root);
            sendingChainKey = RatchetSecret.Create(RatchetSecret.ChainKeyName, sendingChain);
            ratchetPrivate = RatchetSecret.Create(RatchetSecret.RatchetPrivateKeyName, priv);
        }
        finally
        {
            priv.Clear();
            dh.Clear();
            root.Clear();
            sendingChain.Clear();
        }

        var state = new SessionState(
            ourIdentity.PublicKey, bundle.IdentityKey, rootKey, SpqrSession.Create(SpqrDirection.A2B, secrets.PqrAuthKey, ParametersFor(ourIdentity.PublicKey, bundle.IdentityKey)))
        {
            LocalRegistrationId = ourRegistrationId,
            RemoteRegistrationId = bundle.RegistrationId,
            AliceBaseKey = baseKey.PublicKey,
            Pending = new PendingPreKey(bundle.PreKeyId, bundle.SignedPreKeyId, baseKey.PublicKey, timestampMs, bundle.KyberPreKeyId, kyberCiphertext),
        };
        state.AddReceiverChain(new ReceiverChain(bundle.SignedPreKey, RatchetSecret.Create(RatchetSecret.ChainKeyName, secrets.ChainKey), 0));
        state.SetSenderChain(EcPublicKey.FromPublicKeyBytes(pub), ratchetPrivate, sendingChainKey, 0);
        return state;
    }

    internal static SessionState CreateBob(
        IdentityKeyPair ourIdentity, uint ourRegistrationId, SignedPreKeyRecord signedPreKey, PreKeyRecord? oneTimePreKey,
        KyberPreKeyRecord kyberPreKey, Protocol.PreKeySignalMessage message)
    {
        using PqxdhResult secrets = PqxdhKeyAgreement.Accept(
            ourIdentity, signedPreKey.KeyPair, oneTimePreKey?.KeyPair, kyberPreKey.KeyPair, message.IdentityKey, message.BaseKey, message.KyberCiphertext);
        Span<byte> spkPrivate = stackalloc byte[32];
        RatchetSecret spkSecret;
        try
        {
            signedPreKey.KeyPair.ExportPrivateKey(spkPrivate);
            spkSecret = RatchetSecret.Create(RatchetSecret.RatchetPrivateKeyName, spkPrivate);
        }
        finally
        {
            spkPrivate.Clear();
        }

        var state = new SessionState(
            ourIdentity.PublicKey, message.IdentityKey, RatchetSecret.Create(RatchetSecret.RootKeyName, secrets.RootKey), SpqrSession.Create(SpqrDirection.B2A, secrets.PqrAuthKey, ParametersFor(ourIdentity.PublicKey, message.IdentityKey)))
        {
            LocalRegistrationId = ourRegistrationId,
            RemoteRegistrationId = message.RegistrationId,
            AliceBaseKey = message.BaseKey,
        };
        state.SetSenderChain(signedPreKey.KeyPair.PublicKey, spkSecret, RatchetSecret.Create(RatchetSecret.ChainKeyName, secrets.ChainKey), 0);
        return state;
    }
}
