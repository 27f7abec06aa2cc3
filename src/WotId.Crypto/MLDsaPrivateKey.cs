// ML-DSA signing key, FIPS 204 §5.1 (KeyGen from the 32-byte seed ξ) and §5.2 (Sign, pure mode, with context;
// deterministic: rnd = 0³², hedged: rnd from the OS generator). Through BouncyCastle 2.7.0.
using System;
using System.Diagnostics;
using Org.BouncyCastle.Crypto.Generators;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;
using Org.BouncyCastle.Security;

namespace WotId.Crypto;

/// <summary>An ML-DSA-44/65/87 private key handle.</summary>
[DebuggerDisplay("MLDsaPrivateKey {Algorithm}")]
public sealed class MLDsaPrivateKey : IDisposable
{
    private readonly MLDsaPrivateKeyParameters _key;
    private readonly byte[] _publicKey;
    private bool _disposed;

    private MLDsaPrivateKey(MLDsaAlgorithm algorithm, MLDsaPrivateKeyParameters key)
    {
        Algorithm = algorithm;
        _key = key;
        _publicKey = key.GetPublicKeyEncoded();
    }

    /// <summary>The parameter set.</summary>
    public MLDsaAlgorithm Algorithm { get; }

    /// <summary>The public key (a copy).</summary>
    public byte[] PublicKey => (byte[])_publicKey.Clone();

    /// <summary>The public key without copying.</summary>
    public ReadOnlySpan<byte> PublicKeySpan => _publicKey;

    /// <summary>A new random key.</summary>
    public static MLDsaPrivateKey Generate(MLDsaAlgorithm algorithm)
    {
        var generator = new MLDsaKeyPairGenerator();
        generator.Init(new MLDsaKeyGenerationParameters(new SecureRandom(), MLDsa.Parameters(algorithm)));
        var pair = generator.GenerateKeyPair();
        return new MLDsaPrivateKey(algorithm, (MLDsaPrivateKeyParameters)pair.Private);
    }

    /// <summary>The key for the 32-byte seed ξ (FIPS 204 ML-DSA.KeyGen_internal).</summary>
    public static MLDsaPrivateKey FromSeed(MLDsaAlgorithm algorithm, ReadOnlySpan<byte> seed)
    {
        ThrowHelper.CheckLength(seed, MLDsa.SeedSize, nameof(seed));
        return new MLDsaPrivateKey(algorithm, MLDsaPrivateKeyParameters.FromSeed(MLDsa.Parameters(algorithm), seed.ToArray()));
    }

    /// <summary>Imports an expanded private key (FIPS 204 skEncode; 2560, 4032 or 4896 bytes).</summary>
    public static MLDsaPrivateKey FromExpanded(MLDsaAlgorithm algorithm, ReadOnlySpan<byte> privateKey)
    {
        MLDsaExpandedKeyCheck.Validate(algorithm, privateKey);
        return new(algorithm, MLDsaPrivateKeyParameters.FromEncoding(MLDsa.Parameters(algorithm), privateKey.ToArray()));
    }

    /// <summary>The 32-byte seed when the key was made from one; null otherwise.</summary>
    public byte[]? ExportSeed()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return _key.GetSeed();
    }

    /// <summary>The expanded private key encoding.</summary>
    public byte[] ExportExpanded()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return _key.GetEncoded();
    }

    /// <summary>Signs <paramref name="message"/> with <paramref name="context"/> (≤ 255 bytes).</summary>
    /// <param name="message">The message.</param>
    /// <param name="context">The FIPS 204 context string (empty for none).</param>
    /// <param name="deterministic">True: rnd = 0³² (same signature every time); false: hedged with OS randomness.</param>
    public byte[] Sign(ReadOnlySpan<byte> message, ReadOnlySpan<byte> context, bool deterministic)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        MLDsa.CheckContext(context);
        var signer = new MLDsaSigner(MLDsa.Parameters(Algorithm), deterministic);
        // Deterministic signing (rnd = 0³²) draws no randomness: no generator is made for it (one per signature before).
        signer.Init(true, MLDsa.WithContext(deterministic ? _key : new ParametersWithRandom(_key, new SecureRandom()), context));
        signer.BlockUpdate(message);
        return signer.GenerateSignature();
    }

    /// <summary>Hedged signing with caller-supplied 32-byte <paramref name="rnd"/> (known-answer tests).</summary>
    public byte[] Sign(ReadOnlySpan<byte> message, ReadOnlySpan<byte> context, ReadOnlySpan<byte> rnd)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        MLDsa.CheckContext(context);
        ThrowHelper.CheckLength(rnd, 32, nameof(rnd));
        var signer = new MLDsaSigner(MLDsa.Parameters(Algorithm), deterministic: false);
        signer.Init(true, MLDsa.WithContext(new ParametersWithRandom(_key, new FixedSecureRandom(rnd)), context));
        signer.BlockUpdate(message);
        return signer.GenerateSignature();
    }

    /// <inheritdoc />
    public void Dispose() => _disposed = true;

    /// <inheritdoc />
    public override string ToString() => $"MLDsaPrivateKey({Algorithm})";
}
