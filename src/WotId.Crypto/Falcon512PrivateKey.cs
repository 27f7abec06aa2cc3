// Falcon-512 signing key (experimental; see Falcon512.cs). Through BouncyCastle 2.7.0.
using System;
using System.Diagnostics;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Pqc.Crypto.Falcon;
using Org.BouncyCastle.Security;

namespace WotId.Crypto;

/// <summary>A Falcon-512 private key handle (experimental).</summary>
[DebuggerDisplay("Falcon512PrivateKey")]
public sealed class Falcon512PrivateKey : IDisposable
{
    private readonly FalconPrivateKeyParameters _key;
    private readonly byte[] _publicKey;
    private bool _disposed;

    private Falcon512PrivateKey(FalconPrivateKeyParameters key, FalconPublicKeyParameters publicKey)
    {
        _key = key;
        _publicKey = new byte[Falcon512.PublicKeySize];
        _publicKey[0] = Falcon512.PublicKeyHeader;
        publicKey.GetEncoded().CopyTo(_publicKey, 1);
    }

    /// <summary>The 897-byte public key (a copy).</summary>
    public byte[] PublicKey => (byte[])_publicKey.Clone();

    /// <summary>A new random key.</summary>
    public static Falcon512PrivateKey Generate() => Create(new SecureRandom());

    /// <summary>The key generated from a 48-byte seed (NIST/noble compatible).</summary>
    public static Falcon512PrivateKey FromSeed(ReadOnlySpan<byte> seed)
    {
        ThrowHelper.CheckLength(seed, Falcon512.SeedSize, nameof(seed));
        return Create(new FixedSecureRandom(seed));
    }

    /// <summary>Signs <paramref name="message"/> (compressed format, randomized nonce).</summary>
    public byte[] Sign(ReadOnlySpan<byte> message)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var signer = new FalconSigner();
        signer.Init(true, new ParametersWithRandom(_key, new SecureRandom()));
        return signer.GenerateSignature(message.ToArray());
    }

    /// <inheritdoc />
    public void Dispose() => _disposed = true;

    /// <inheritdoc />
    public override string ToString() => "Falcon512PrivateKey";

    private static Falcon512PrivateKey Create(SecureRandom random)
    {
        var generator = new FalconKeyPairGenerator();
        generator.Init(new FalconKeyGenerationParameters(random, FalconParameters.falcon_512));
        var pair = generator.GenerateKeyPair();
        return new Falcon512PrivateKey((FalconPrivateKeyParameters)pair.Private, (FalconPublicKeyParameters)pair.Public);
    }
}
