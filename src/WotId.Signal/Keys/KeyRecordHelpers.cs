// Shared checks for the prekey record decoders (libsignal storage.proto record structures).
using System;

namespace WotId.Signal.Keys;

/// <summary>Helpers for key record parsing.</summary>
internal static class KeyRecordHelpers
{
    /// <summary>Builds a key pair from stored bytes, checking that the public key matches.</summary>
    internal static EcKeyPair CheckedPair(ReadOnlySpan<byte> pub, ReadOnlySpan<byte> priv)
    {
        EcPublicKey publicKey = EcPublicKey.Deserialize(pub);
        EcKeyPair pair = EcKeyPair.FromPrivateKey(priv);
        if (!pair.PublicKey.Equals(publicKey))
        {
            pair.Dispose();
            throw new SignalProtocolException(SignalError.InvalidEncoding, "stored public key does not match the private key");
        }

        return pair;
    }

}
