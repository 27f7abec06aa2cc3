// Session initialisation after PQXDH (libsignal rust/protocol/src/ratchet.rs initialize_alice_session /
// initialize_bob_session; notes/signal.md §5): Alice ratchets once onto Bob's signed prekey, Bob starts sending on it.
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

    // Self-sessions (note to self between own devices) lift the jump limit, as libsignal's spqr_chain_params does.
    private static readonly SpqrParameters s_selfParameters = new(uint.MaxValue, SessionLimits.MaxMessageKeys);

    private static SpqrParameters ParametersFor(EcPublicKey ours, EcPublicKey theirs) => ours.Equals(theirs) ? s_selfParameters : s_spqrParameters;

    internal static SessionState CreateAlice(
        IdentityKeyPair ourIdentity, uint ourRegistrationId, PreKeyBundle bundle, ulong timestampMs)
    {
        using EcKeyPair baseKey = EcKeyPair.Generate();
        using PqxdhResult secrets = PqxdhKeyAgreement.Initiate(
            ourIdentity, baseKey, bundle.IdentityKey, bundle.SignedPreKey, bundle.PreKey, bundle.KyberPreKey, out byte[] kyberCiphertext);

        byte[] priv = new byte[32];
        byte[] pub = new byte[32];
        using (X25519PrivateKey ratchet = X25519PrivateKey.Generate())
        {
            ratchet.ExportPrivateKey(priv);
            ratchet.PublicKeySpan.CopyTo(pub);
        }

        Span<byte> dh = stackalloc byte[32];
        if (!X25519.TryAgree(priv, bundle.SignedPreKey.PublicKeyBytes, dh))
        {
            throw new SignalProtocolException(SignalError.InvalidKeyAgreement, "X25519 agreement gave the all-zero value");
        }

        byte[] root = new byte[32], sendingChain = new byte[32];
        RatchetKdf.DeriveRoot(secrets.RootKey, dh, root, sendingChain);
        dh.Clear();

        var state = new SessionState(
            ourIdentity.PublicKey, bundle.IdentityKey, root, SpqrSession.Create(SpqrDirection.A2B, secrets.PqrAuthKey, ParametersFor(ourIdentity.PublicKey, bundle.IdentityKey)))
        {
            LocalRegistrationId = ourRegistrationId,
            RemoteRegistrationId = bundle.RegistrationId,
            AliceBaseKey = baseKey.PublicKey,
            Pending = new PendingPreKey(bundle.PreKeyId, bundle.SignedPreKeyId, baseKey.PublicKey, timestampMs, bundle.KyberPreKeyId, kyberCiphertext),
        };
        state.AddReceiverChain(new ReceiverChain(bundle.SignedPreKey, secrets.ChainKey.ToArray(), 0));
        state.SetSenderChain(EcPublicKey.FromPublicKeyBytes(pub), priv, sendingChain, 0);
        return state;
    }

    internal static SessionState CreateBob(
        IdentityKeyPair ourIdentity, uint ourRegistrationId, SignedPreKeyRecord signedPreKey, PreKeyRecord? oneTimePreKey,
        KyberPreKeyRecord kyberPreKey, Protocol.PreKeySignalMessage message)
    {
        using PqxdhResult secrets = PqxdhKeyAgreement.Accept(
            ourIdentity, signedPreKey.KeyPair, oneTimePreKey?.KeyPair, kyberPreKey.KeyPair, message.IdentityKey, message.BaseKey, message.KyberCiphertext);
        byte[] spkPrivate = new byte[32];
        signedPreKey.KeyPair.ExportPrivateKey(spkPrivate);
        var state = new SessionState(
            ourIdentity.PublicKey, message.IdentityKey, secrets.RootKey.ToArray(), SpqrSession.Create(SpqrDirection.B2A, secrets.PqrAuthKey, ParametersFor(ourIdentity.PublicKey, message.IdentityKey)))
        {
            LocalRegistrationId = ourRegistrationId,
            RemoteRegistrationId = message.RegistrationId,
            AliceBaseKey = message.BaseKey,
        };
        state.SetSenderChain(signedPreKey.KeyPair.PublicKey, spkPrivate, secrets.ChainKey.ToArray(), 0);
        return state;
    }
}
