// SHA-1 (FIPS 180-4). NOT for security: only the WebSocket opening handshake (RFC 6455 §4.2.2,
// Sec-WebSocket-Accept) needs it.
using System;
using System.Diagnostics.CodeAnalysis;

namespace WotId.Crypto;

/// <summary>SHA-1 (20-byte digest), for protocol framing that mandates it (RFC 6455). Never use it for security.</summary>
public static class Sha1
{
    /// <summary>Digest size in bytes.</summary>
    public const int HashSize = 20;

    /// <summary>Hashes <paramref name="source"/>.</summary>
    [SuppressMessage("Security", "CA5350:Do Not Use Weak Cryptographic Algorithms", Justification = "RFC 6455 fixes SHA-1 for Sec-WebSocket-Accept; no security depends on it.")]
    public static byte[] Hash(ReadOnlySpan<byte> source) => System.Security.Cryptography.SHA1.HashData(source);
}
