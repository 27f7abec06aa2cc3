// Controlled Identifiers v1.0 §2.2.2 "Multikey" (W3C Rec 2025-05-15): publicKeyMultibase =
// multibase(varint(multicodec) ‖ raw key). Encoded base58btc ('z'); base64url ('u', used by the CCG
// quantum-safe vectors) is accepted on input. Bound: 4,096 characters.
using System;
using System.Buffers;
using WotId.Core.Encoding;

namespace WotId.Identity.Dids;

/// <summary>Encodes and decodes Multikey <c>publicKeyMultibase</c> values.</summary>
public static class Multikey
{
    /// <summary>Longest accepted multibase text (ML-DSA-87 base58btc is 3,544 characters).</summary>
    public const int MaxLength = 4096;

    /// <summary>Encodes a public key as base58btc Multikey text (<c>z…</c>).</summary>
    public static string Encode(DidPublicKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return Multibase.Encode(MultibaseEncoding.Base58Btc, EncodeBytes(key));
    }

    /// <summary>The multicodec-prefixed raw key bytes.</summary>
    public static byte[] EncodeBytes(DidPublicKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        ulong code = KeyAlgorithms.Multicodec(key.Algorithm);
        int prefix = Varint.GetLength(code);
        byte[] bytes = new byte[prefix + key.Key.Length];
        Varint.Write(code, bytes);
        key.Key.CopyTo(bytes.AsSpan(prefix));
        return bytes;
    }

    /// <summary>Decodes Multikey text (base58btc or base64url multibase).</summary>
    /// <exception cref="IdentityFormatException">Anything that is not a known multicodec key of the right length.</exception>
    public static DidPublicKey Decode(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length > MaxLength)
        {
            throw new IdentityFormatException(IdentityError.TooLarge, "multikey text too long");
        }

        if (text.Length < 2 || (text[0] != 'z' && text[0] != 'u'))
        {
            throw new IdentityFormatException(IdentityError.MalformedMultikey, "multikey must be base58btc ('z') or base64url ('u') multibase");
        }

        byte[] bytes;
        try
        {
            bytes = Multibase.Decode(text);
        }
        catch (FormatException ex)
        {
            throw new IdentityFormatException(IdentityError.MalformedMultikey, "multikey is not valid multibase", ex);
        }

        return DecodeBytes(bytes);
    }

    /// <summary>Decodes multicodec-prefixed key bytes.</summary>
    /// <exception cref="IdentityFormatException">Unknown codec or wrong key length.</exception>
    public static DidPublicKey DecodeBytes(ReadOnlySpan<byte> bytes)
    {
        if (Varint.TryRead(bytes, out ulong code, out int consumed) != OperationStatus.Done)
        {
            throw new IdentityFormatException(IdentityError.MalformedMultikey, "multikey has no valid multicodec varint");
        }

        KeyAlgorithm algorithm = KeyAlgorithms.FromMulticodec(code)
            ?? throw new IdentityFormatException(IdentityError.UnknownKeyType, $"unknown multicodec 0x{code:x}");
        return new DidPublicKey(algorithm, bytes[consumed..]);
    }
}
