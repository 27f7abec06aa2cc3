// The did:key Method v0.9 §3.1.2 "Document Creation Algorithm": one Multikey verification method
// did:key:mb#mb; signing keys go under authentication and assertionMethod, X25519 under keyAgreement.
// (Optional Ed25519→X25519 derivation is not done.) Falcon-512 keys resolve only when opted in.
// Base58 decoding of a 2,670-character ML-DSA-65 did:key is quadratic, so resolved documents are cached
// (bounded: the cache is emptied when it reaches 256 entries).
using System;
using System.Collections.Concurrent;
using System.Threading;
using System.Threading.Tasks;

namespace WotId.Identity.Dids;

/// <summary>Resolves did:key offline.</summary>
public sealed class DidKeyResolver : IDidResolver
{
    private const int CacheCapacity = 256;
    private readonly ConcurrentDictionary<string, DidDocument> _cache = new(StringComparer.Ordinal);

    /// <summary>Creates the resolver; <paramref name="allowExperimentalFalcon"/> enables the preliminary Falcon-512 codec.</summary>
    public DidKeyResolver(bool allowExperimentalFalcon = false)
    {
        AllowExperimentalFalcon = allowExperimentalFalcon;
    }

    /// <summary>True when Falcon-512 did:keys (experimental) resolve.</summary>
    public bool AllowExperimentalFalcon { get; }

    /// <summary>Builds the document of a did:key synchronously.</summary>
    /// <exception cref="IdentityFormatException">Not a valid did:key.</exception>
    public static DidDocument CreateDocument(string didKey)
    {
        DidPublicKey key = DidKey.Parse(didKey);
        if (didKey.Contains('#', StringComparison.Ordinal))
        {
            throw new IdentityFormatException(IdentityError.MalformedDid, "a did:key, not a DID URL");
        }

        string id = didKey + "#" + didKey[DidKey.Prefix.Length..];
        var method = new VerificationMethod(id, didKey, key);
        bool signing = KeyAlgorithms.IsSigning(key.Algorithm);
        string[] one = [id];
        return new DidDocument(didKey, [method], signing ? one : [], signing ? one : [], signing ? [] : one, []);
    }

    /// <inheritdoc />
    public ValueTask<DidResolutionResult> ResolveAsync(string did, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(did);
        cancellationToken.ThrowIfCancellationRequested();
        if (!did.StartsWith(DidKey.Prefix, StringComparison.Ordinal))
        {
            return ValueTask.FromResult(DidResolutionResult.Failure(DidResolutionError.MethodNotSupported, "not a did:key"));
        }

        try
        {
            if (did.Contains('#', StringComparison.Ordinal))
            {
                return ValueTask.FromResult(DidResolutionResult.Failure(DidResolutionError.InvalidDid, "resolve the DID, not a DID URL"));
            }

            if (!_cache.TryGetValue(did, out DidDocument? doc))
            {
                doc = CreateDocument(did);
                if (_cache.Count >= CacheCapacity)
                {
                    _cache.Clear();
                }

                _cache[did] = doc;
            }

            if (!AllowExperimentalFalcon && doc.VerificationMethods[0].PublicKey.Algorithm == KeyAlgorithm.Falcon512Experimental)
            {
                return ValueTask.FromResult(DidResolutionResult.Failure(DidResolutionError.InvalidDid, "Falcon-512 did:key is experimental and not enabled"));
            }

            return ValueTask.FromResult(DidResolutionResult.Success(doc));
        }
        catch (IdentityFormatException ex)
        {
            return ValueTask.FromResult(DidResolutionResult.Failure(DidResolutionError.InvalidDid, ex.Message));
        }
    }
}
