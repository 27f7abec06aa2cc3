// A private signing key for DIDs and credentials. ML-DSA keys are kept as their 32-byte FIPS 204 seed ξ
// (RFC 9964 §6 "priv"), Ed25519 as its 32-byte RFC 8032 seed; both export to encrypted key files.
// Falcon-512 (experimental) keys are kept as their 48-byte NIST keygen seed. Composite ML-DSA + Ed25519 keys (IOTA
// Identity's hybrid, draft-ietf-lamps-pq-composite-sigs-04) are kept as ξ ‖ Ed25519 seed (64 bytes); they have no
// did:key, so they sign only under a DID document method (e.g. did:iota) named by the caller.
using System;
using WotId.Crypto;
using WotId.Identity.Dids;

namespace WotId.Identity.Keys;

/// <summary>A private signing key with its public key and did:key. Dispose to zero the secret.</summary>
public sealed class SigningKey : IDisposable
{
    /// <summary>Seed length of <paramref name="algorithm"/>: 32 (ML-DSA ξ, Ed25519), 48 (Falcon-512).</summary>
    public static int SeedSize(KeyAlgorithm algorithm) => algorithm switch
    {
        KeyAlgorithm.Falcon512Experimental => Falcon512.SeedSize,
        KeyAlgorithm.MLDsa44Ed25519 or KeyAlgorithm.MLDsa65Ed25519 => 64,
        _ => 32,
    };

    private readonly SecretBytes _seed;
    private readonly MLDsaPrivateKey? _mldsa;
    private readonly Ed25519PrivateKey? _ed25519;
    private readonly Falcon512PrivateKey? _falcon;

    private SigningKey(KeyAlgorithm algorithm, SecretBytes seed, MLDsaPrivateKey? mldsa, Ed25519PrivateKey? ed25519, Falcon512PrivateKey? falcon, byte[] publicKey)
    {
        Algorithm = algorithm;
        _seed = seed;
        _mldsa = mldsa;
        _ed25519 = ed25519;
        _falcon = falcon;
        PublicKey = new DidPublicKey(algorithm, publicKey);
        if (!KeyAlgorithms.IsComposite(algorithm))
        {
            _did = DidKey.Create(PublicKey);
            _keyId = _did + "#" + _did[DidKey.Prefix.Length..];
        }
    }

    private readonly string? _did;
    private readonly string? _keyId;

    /// <summary>The algorithm.</summary>
    public KeyAlgorithm Algorithm { get; }

    /// <summary>The public key.</summary>
    public DidPublicKey PublicKey { get; }

    /// <summary>The did:key of the public key.</summary>
    /// <exception cref="InvalidOperationException">Composite keys have no did:key.</exception>
    public string Did => _did ?? throw new InvalidOperationException("composite keys have no did:key; sign under a DID document method");

    /// <summary>The did:key verification method id (<c>did:key:mb#mb</c>), used as JWS <c>kid</c>.</summary>
    /// <exception cref="InvalidOperationException">Composite keys have no did:key.</exception>
    public string KeyId => _keyId ?? throw new InvalidOperationException("composite keys have no did:key; sign under a DID document method");

    /// <summary>Generates a fresh key.</summary>
    public static SigningKey Generate(KeyAlgorithm algorithm)
    {
        if (algorithm == KeyAlgorithm.X25519)
        {
            throw new ArgumentException("X25519 does not sign", nameof(algorithm));
        }

        using SecretBytes seed = SecretBytes.Random(SeedSize(algorithm));
        return FromSeed(algorithm, seed.Span);
    }

    /// <summary>Recreates a key from its seed (ML-DSA ξ, Ed25519 seed, Falcon-512 keygen seed).</summary>
    /// <exception cref="ArgumentException">Wrong seed length or a non-signing algorithm.</exception>
    public static SigningKey FromSeed(KeyAlgorithm algorithm, ReadOnlySpan<byte> seed)
    {
        if (algorithm == KeyAlgorithm.X25519 || seed.Length != SeedSize(algorithm))
        {
            throw new ArgumentException("wrong seed length for the algorithm", nameof(seed));
        }

        switch (algorithm)
        {
            case KeyAlgorithm.MLDsa44:
            case KeyAlgorithm.MLDsa65:
            case KeyAlgorithm.MLDsa87:
                MLDsaPrivateKey mldsa = MLDsaPrivateKey.FromSeed(ToMLDsa(algorithm), seed);
                return new SigningKey(algorithm, SecretBytes.Create(seed), mldsa, null, null, mldsa.PublicKey);
            case KeyAlgorithm.Ed25519:
                Ed25519PrivateKey ed = Ed25519PrivateKey.FromSeed(seed);
                return new SigningKey(algorithm, SecretBytes.Create(seed), null, ed, null, ed.PublicKey);
            case KeyAlgorithm.MLDsa44Ed25519:
            case KeyAlgorithm.MLDsa65Ed25519:
                MLDsaPrivateKey pq = MLDsaPrivateKey.FromSeed(CompositeMLDsa.Component(KeyAlgorithms.Composite(algorithm)!.Value), seed[..32]);
                Ed25519PrivateKey classical = Ed25519PrivateKey.FromSeed(seed[32..]);
                return new SigningKey(algorithm, SecretBytes.Create(seed), pq, classical, null, [.. pq.PublicKeySpan, .. classical.PublicKeySpan]);
            case KeyAlgorithm.Falcon512Experimental:
                Falcon512PrivateKey falcon = Falcon512PrivateKey.FromSeed(seed);
                return new SigningKey(algorithm, SecretBytes.Create(seed), null, null, falcon, falcon.PublicKey);
            default:
                throw new ArgumentException("this algorithm has no seed form", nameof(algorithm));
        }
    }

    /// <summary>
    /// Signs <paramref name="data"/> (ML-DSA: pure, empty context, hedged unless <paramref name="deterministic"/>;
    /// composites: <see cref="CompositeMLDsa.Sign"/>).
    /// </summary>
    public byte[] Sign(ReadOnlySpan<byte> data, bool deterministic = false)
    {
        if (KeyAlgorithms.Composite(Algorithm) is { } composite)
        {
            return CompositeMLDsa.Sign(composite, _mldsa!, _ed25519!, data, deterministic);
        }

        if (_mldsa is not null)
        {
            return _mldsa.Sign(data, ReadOnlySpan<byte>.Empty, deterministic);
        }

        if (_ed25519 is not null)
        {
            return _ed25519.Sign(data);
        }

        return _falcon!.Sign(data);
    }

    /// <summary>Copies the seed into <paramref name="destination"/> (<see cref="SeedSize"/> bytes) for encrypted storage.</summary>
    public void ExportSeed(Span<byte> destination) => _seed.Span.CopyTo(destination);

    /// <inheritdoc />
    public void Dispose()
    {
        _seed.Dispose();
        _mldsa?.Dispose();
        _ed25519?.Dispose();
        _falcon?.Dispose();
    }

    /// <inheritdoc />
    public override string ToString() => $"SigningKey({Algorithm})";

    internal static MLDsaAlgorithm ToMLDsa(KeyAlgorithm algorithm) => algorithm switch
    {
        KeyAlgorithm.MLDsa44 => MLDsaAlgorithm.MLDsa44,
        KeyAlgorithm.MLDsa65 => MLDsaAlgorithm.MLDsa65,
        KeyAlgorithm.MLDsa87 => MLDsaAlgorithm.MLDsa87,
        _ => throw new ArgumentOutOfRangeException(nameof(algorithm)),
    };
}
