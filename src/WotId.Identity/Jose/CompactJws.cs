// RFC 7515 §3.1 / §7.1 JWS Compact Serialization: b64url(header) "." b64url(payload) "." b64url(signature);
// the signature covers ASCII(b64url(header) "." b64url(payload)) (§5.1 step 6). ML-DSA per RFC 9964 §4:
// pure ML-DSA, empty context. Bound: 512 KiB of text (a status-list credential with a full 16 KiB list
// and an ML-DSA-87 signature is about 30 KiB).
using System;
using System.Text;
using WotId.Core.Encoding;
using WotId.Identity.Dids;
using WotId.Identity.Keys;

namespace WotId.Identity.Jose;

/// <summary>A parsed compact JWS; <see cref="Verify"/> checks it against a public key.</summary>
public sealed class CompactJws
{
    /// <summary>Longest accepted compact JWS text.</summary>
    public const int MaxLength = 512 * 1024;

    private readonly byte[] _payload;
    private readonly byte[] _signature;
    private readonly int _signingInputLength;

    private CompactJws(string text, int payloadEnd, JwsHeader header, byte[] payload, byte[] signature)
    {
        Text = text;
        _signingInputLength = payloadEnd;
        Header = header;
        _payload = payload;
        _signature = signature;
    }

    /// <summary>The compact serialization.</summary>
    public string Text { get; }

    /// <summary>The protected header.</summary>
    public JwsHeader Header { get; }

    /// <summary>The decoded payload bytes.</summary>
    public ReadOnlyMemory<byte> Payload => _payload;

    /// <summary>The signature bytes.</summary>
    public ReadOnlySpan<byte> Signature => _signature;

    /// <summary>The ASCII bytes the signature covers.</summary>
    public byte[] SigningInput() => Encoding.ASCII.GetBytes(Text, 0, _signingInputLength);

    /// <summary>Parses compact JWS text.</summary>
    /// <exception cref="IdentityFormatException">Anything but a well-formed JWS with a supported header.</exception>
    public static CompactJws Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length > MaxLength)
        {
            throw new IdentityFormatException(IdentityError.TooLarge, "JWS too long");
        }

        int dot1 = text.IndexOf('.', StringComparison.Ordinal);
        int dot2 = dot1 < 0 ? -1 : text.IndexOf('.', dot1 + 1);
        if (dot1 <= 0 || dot2 < 0 || text.IndexOf('.', dot2 + 1) >= 0 || dot2 == text.Length - 1)
        {
            throw new IdentityFormatException(IdentityError.MalformedJws, "compact JWS must have three non-empty-header parts");
        }

        byte[] headerBytes = JoseBase64.Decode(text.AsSpan(0, dot1), IdentityError.MalformedJws);
        JwsHeader header = JwsHeader.Parse(headerBytes);
        byte[] payload = JoseBase64.Decode(text.AsSpan(dot1 + 1, dot2 - dot1 - 1), IdentityError.MalformedJws);
        byte[] signature = JoseBase64.Decode(text.AsSpan(dot2 + 1), IdentityError.MalformedJws);
        return new CompactJws(text, dot2, header, payload, signature);
    }

    /// <summary>Signs <paramref name="payload"/> under <paramref name="header"/> with <paramref name="key"/>.</summary>
    public static string Sign(JwsHeader header, ReadOnlySpan<byte> payload, SigningKey key)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(key);
        if (header.Algorithm != key.Algorithm)
        {
            throw new ArgumentException("header alg does not match the key", nameof(header));
        }

        string input = Base64Url.Encode(header.ToJsonBytes()) + "." + Base64Url.Encode(payload);
        byte[] signature = key.Sign(Encoding.ASCII.GetBytes(input));
        return input + "." + Base64Url.Encode(signature);
    }

    /// <summary>True when the signature verifies under <paramref name="key"/> and the key matches the header's alg.</summary>
    public bool Verify(DidPublicKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return key.Algorithm == Header.Algorithm && SignatureVerifier.Verify(key, SigningInput(), _signature);
    }
}
