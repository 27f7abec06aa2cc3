// libp2p/specs noise/README.md "Static Key Authentication": the Noise static key is signed by the identity key
// (identity_sig over "noise-libp2p-static-key:" ‖ static key). Nothing asks for a fresh static key per connection;
// js-libp2p keeps one per node (noise.ts "staticKey"), which saves a key generation and a signature per handshake.
using System;
using WotId.Crypto;
using WotId.Libp2p.Peer;

namespace WotId.Libp2p.Noise;

/// <summary>A Noise static key with the identity's signature over it, reused across handshakes of one host.</summary>
internal sealed class NoiseStaticKey : IDisposable
{
    private NoiseStaticKey(X25519PrivateKey key, byte[] identitySignature)
    {
        Key = key;
        IdentitySignature = identitySignature;
    }

    /// <summary>The X25519 static key pair.</summary>
    public X25519PrivateKey Key { get; }

    /// <summary>identity_sig: the identity key's signature over the prefix and the static public key.</summary>
    public byte[] IdentitySignature { get; }

    /// <summary>Generates a static key and signs it with <paramref name="identity"/>.</summary>
    public static NoiseStaticKey Create(PeerIdentity identity)
    {
        ArgumentNullException.ThrowIfNull(identity);
        X25519PrivateKey key = X25519PrivateKey.Generate();
        return new NoiseStaticKey(key, identity.Sign(NoiseSecuredStream.SignedStaticKey(key.PublicKeySpan)));
    }

    /// <inheritdoc />
    public void Dispose() => Key.Dispose();

    /// <inheritdoc />
    public override string ToString() => "NoiseStaticKey";
}
