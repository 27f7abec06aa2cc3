// The did:key Method v0.9 (W3C CCG, §3 "Format", §3.1.2 "Document Creation Algorithm"):
//   did:key:<Multikey>; the single verification method id is did:key:<mb>#<mb>.
// Accepts 'z' (spec) and 'u' (CCG quantum-safe vectors) multibase on input; emits 'z'.
using System;

namespace WotId.Identity.Dids;

/// <summary>Creates and parses did:key identifiers.</summary>
public static class DidKey
{
    /// <summary>The DID prefix.</summary>
    public const string Prefix = "did:key:";

    /// <summary>The did:key of a public key.</summary>
    public static string Create(DidPublicKey key) => Prefix + Multikey.Encode(key);

    /// <summary>The did:key of raw public key bytes.</summary>
    /// <exception cref="IdentityFormatException">Wrong key length.</exception>
    public static string Create(KeyAlgorithm algorithm, ReadOnlySpan<byte> publicKey) =>
        Create(new DidPublicKey(algorithm, publicKey));

    /// <summary>The id of the did:key's verification method (<c>did:key:mb#mb</c>).</summary>
    public static string VerificationMethodId(string didKey)
    {
        Parse(didKey);
        return didKey + "#" + didKey[Prefix.Length..];
    }

    /// <summary>Decodes the public key in a did:key (a DID URL with a fragment is accepted; the fragment is ignored).</summary>
    /// <exception cref="IdentityFormatException">Not a did:key with a known key.</exception>
    public static DidPublicKey Parse(string didKey)
    {
        (string did, _) = DidSyntax.SplitUrl(didKey);
        if (!did.StartsWith(Prefix, StringComparison.Ordinal))
        {
            throw new IdentityFormatException(IdentityError.MalformedDid, "not a did:key");
        }

        return Multikey.Decode(did[Prefix.Length..]);
    }
}
