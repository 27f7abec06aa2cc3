// Short fingerprints of DIDs for people (docs/node.md, "Invitations"). A post-quantum did:key is about 2,600
// characters, so wherever a person reads a DID (CLI output, contact lists, logs) the node shows
//   first 10 bytes (80 bits) of SHA-256(UTF-8(did)), RFC 4648 §6 base32 upper case, 4 groups of 4 joined by '-'
// e.g. "ABCD-EFGH-IJKL-MNOP", and keeps the full DID for --json. 80 bits tell contacts apart at a glance; they are
// not a security check (the safety number and the signed invitation are).
using System;
using System.Text;
using WotId.Core.Encoding;
using WotId.Crypto;

namespace WotId.Node.Invitations;

/// <summary>The short fingerprint of a DID shown to people.</summary>
public static class DidFingerprint
{
    /// <summary>Length of <see cref="Short"/>'s result: 16 base32 characters and 3 dashes.</summary>
    public const int Length = 19;

    /// <summary>The fingerprint of <paramref name="did"/>, e.g. <c>ABCD-EFGH-IJKL-MNOP</c>.</summary>
    public static string Short(string did)
    {
        ArgumentNullException.ThrowIfNull(did);
        Span<byte> hash = stackalloc byte[32];
        Sha256.Hash(Encoding.UTF8.GetBytes(did), hash);
        string text = Base32.Encode(hash[..10]).ToUpperInvariant();
        return $"{text[..4]}-{text[4..8]}-{text[8..12]}-{text[12..16]}";
    }
}
