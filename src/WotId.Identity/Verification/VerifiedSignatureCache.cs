// Remembers JWS signatures that verified (docs/credential.md "Verification results"): every handshake verifies the same
// VerifiedHuman credential of the peer and the same issuer-signed status list again, each an ML-DSA-65 verification
// of the same bytes under the same key. ML-DSA verification is deterministic, so a signature that verified once over
// these exact bytes verifies again: the cache keys on SHA-256 of the whole compact JWS (header, payload, signature)
// and of the public key, and stores only successes. Everything that depends on time or policy (validity period,
// freshness of a status list, trusted issuers, the status bit itself) is still checked on every verification.
// Bounded: when full it is emptied and refills from the next verifications.
using System;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using WotId.Identity.Dids;
using WotId.Identity.Jose;

namespace WotId.Identity.Verification;

/// <summary>A bounded set of (JWS, public key) pairs whose signature verified.</summary>
internal sealed class VerifiedSignatureCache
{
    /// <summary>Entries kept at most.</summary>
    internal const int Capacity = 1024;

    private readonly ConcurrentDictionary<string, byte> _verified = new(StringComparer.Ordinal);

    /// <summary>Whether the signature of <paramref name="jws"/> verifies under <paramref name="key"/> (from the cache when it did before).</summary>
    internal bool Verify(CompactJws jws, DidPublicKey key)
    {
        string id = Key(jws, key);
        if (_verified.ContainsKey(id))
        {
            return true;
        }

        if (!jws.Verify(key))
        {
            return false;
        }

        if (_verified.Count >= Capacity)
        {
            _verified.Clear();
        }

        _verified.TryAdd(id, 0);
        return true;
    }

    private static string Key(CompactJws jws, DidPublicKey key)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(Encoding.ASCII.GetBytes(jws.Text));
        Span<byte> separator = [0, (byte)key.Algorithm];
        sha.AppendData(separator);
        sha.AppendData(key.Key);
        return Convert.ToHexString(sha.GetHashAndReset());
    }
}
