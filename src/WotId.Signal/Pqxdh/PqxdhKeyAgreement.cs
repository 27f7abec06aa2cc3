// PQXDH exactly as libsignal does it (rust/protocol/src/ratchet.rs initialize_alice/bob_session, pqxdh.rs;
// PQXDH spec rev. 1 with libsignal's departures in rust/protocol/src/pqxdh.rs):
//   IKM = 0xFF×32 ‖ DH(IK_A, SPK_B) ‖ DH(EK_A, IK_B) ‖ DH(EK_A, SPK_B) [‖ DH(EK_A, OPK_B)] ‖ SS(Kyber-1024 r3)
//   OKM = HKDF-SHA256(salt = none, IKM, "WhisperText_X25519_SHA-256_CRYSTALS-KYBER-1024", 96)
using System;
using WotId.Crypto;
using WotId.Signal.Keys;

namespace WotId.Signal.Pqxdh;

/// <summary>Both roles of PQXDH.</summary>
internal static class PqxdhKeyAgreement
{
    private static readonly byte[] s_info = "WhisperText_X25519_SHA-256_CRYSTALS-KYBER-1024"u8.ToArray();

    /// <summary>Initiator (Alice): returns the secrets and the 1569-byte Kyber ciphertext for Bob.</summary>
    internal static PqxdhResult Initiate(
        IdentityKeyPair ourIdentity, EcKeyPair ourBaseKey, EcPublicKey theirIdentity, EcPublicKey theirSignedPreKey,
        EcPublicKey? theirOneTimePreKey, KyberPublicKey theirKyberPreKey, out byte[] kyberCiphertext)
    {
        byte[] ikm = new byte[32 * (theirOneTimePreKey is null ? 5 : 6)];
        try
        {
            ikm.AsSpan(0, 32).Fill(0xFF);
            ourIdentity.KeyPair.Agree(theirSignedPreKey, ikm.AsSpan(32, 32));
            ourBaseKey.Agree(theirIdentity, ikm.AsSpan(64, 32));
            ourBaseKey.Agree(theirSignedPreKey, ikm.AsSpan(96, 32));
            int offset = 128;
            if (theirOneTimePreKey is not null)
            {
                ourBaseKey.Agree(theirOneTimePreKey, ikm.AsSpan(offset, 32));
                offset += 32;
            }

            kyberCiphertext = theirKyberPreKey.Encapsulate(ikm.AsSpan(offset, 32));
            return Derive(ikm);
        }
        finally
        {
            Array.Clear(ikm);
        }
    }

    /// <summary>Responder (Bob): recomputes the same secrets from his private keys.</summary>
    internal static PqxdhResult Accept(
        IdentityKeyPair ourIdentity, EcKeyPair ourSignedPreKey, EcKeyPair? ourOneTimePreKey, KyberKeyPair ourKyberPreKey,
        EcPublicKey theirIdentity, EcPublicKey theirBaseKey, ReadOnlySpan<byte> kyberCiphertext)
    {
        if (!X25519.IsCanonicalPublicKey(theirBaseKey.PublicKeyBytes))
        {
            throw new SignalProtocolException(SignalError.InvalidKeyAgreement, "incoming base key is invalid");
        }

        byte[] ikm = new byte[32 * (ourOneTimePreKey is null ? 5 : 6)];
        try
        {
            ikm.AsSpan(0, 32).Fill(0xFF);
            ourSignedPreKey.Agree(theirIdentity, ikm.AsSpan(32, 32));
            ourIdentity.KeyPair.Agree(theirBaseKey, ikm.AsSpan(64, 32));
            ourSignedPreKey.Agree(theirBaseKey, ikm.AsSpan(96, 32));
            int offset = 128;
            if (ourOneTimePreKey is not null)
            {
                ourOneTimePreKey.Agree(theirBaseKey, ikm.AsSpan(offset, 32));
                offset += 32;
            }

            ourKyberPreKey.Decapsulate(kyberCiphertext, ikm.AsSpan(offset, 32));
            return Derive(ikm);
        }
        finally
        {
            Array.Clear(ikm);
        }
    }

    private static PqxdhResult Derive(ReadOnlySpan<byte> ikm)
    {
        Span<byte> okm = stackalloc byte[96];
        try
        {
            HkdfSha256.DeriveKey(ikm, ReadOnlySpan<byte>.Empty, s_info, okm);
            return new PqxdhResult(okm);
        }
        finally
        {
            okm.Clear();
        }
    }
}
