// Serialized signature (SDK cryptography/signature.ts; iota-types crypto.rs): base64(flag || signature || public key).
// Ed25519: flag 0x00, 64-byte signature, 32-byte key = 97 bytes. Ed25519 address = blake2b256(pubkey), no flag byte
// (the "Ed25519 hashing exception", SignatureScheme::update_hasher_with_flag).
using System;
using WotId.Crypto;
using WotId.Mailbox.Types;

namespace WotId.Mailbox.Signing;

/// <summary>Encodes, parses and verifies Ed25519 serialized signatures.</summary>
public static class SerializedSignature
{
    /// <summary>Signature-scheme flag for Ed25519.</summary>
    public const byte Ed25519Flag = 0x00;

    /// <summary>Byte length of an Ed25519 serialized signature.</summary>
    public const int Ed25519Length = 1 + 64 + 32;

    /// <summary>The base64 form of <c>0x00 || signature || publicKey</c>.</summary>
    public static string EncodeEd25519(ReadOnlySpan<byte> signature, ReadOnlySpan<byte> publicKey)
    {
        if (signature.Length != 64 || publicKey.Length != 32)
        {
            throw new ArgumentException("Ed25519 needs a 64-byte signature and a 32-byte key");
        }

        Span<byte> buf = stackalloc byte[Ed25519Length];
        buf[0] = Ed25519Flag;
        signature.CopyTo(buf[1..]);
        publicKey.CopyTo(buf[65..]);
        return Convert.ToBase64String(buf);
    }

    /// <summary>The address of an Ed25519 public key: <c>blake2b256(pk)</c>.</summary>
    public static IotaAddress AddressOf(ReadOnlySpan<byte> ed25519PublicKey)
    {
        if (ed25519PublicKey.Length != 32)
        {
            throw new ArgumentException("Ed25519 public keys are 32 bytes", nameof(ed25519PublicKey));
        }

        return new IotaAddress(Blake2b256.Hash(ed25519PublicKey));
    }

    /// <summary>
    /// Verifies a serialized Ed25519 signature over transaction bytes (transaction intent) and returns the signer's
    /// address, or null when the encoding is wrong or the signature does not verify.
    /// </summary>
    /// <param name="txBytes">BCS transaction data.</param>
    /// <param name="serialized">Base64 <c>flag || signature || public key</c>.</param>
    /// <returns>The signer's address, or null.</returns>
    public static IotaAddress? VerifyTransaction(ReadOnlySpan<byte> txBytes, string serialized) =>
        Verify(IotaIntent.TransactionSigningDigest(txBytes), serialized);

    /// <summary>
    /// Verifies a serialized Ed25519 signature over a personal message (personal-message intent) and returns the
    /// signer's address, or null when the encoding is wrong or the signature does not verify.
    /// </summary>
    /// <param name="message">The message bytes, as signed (without the BCS length prefix).</param>
    /// <param name="serialized">Base64 <c>flag || signature || public key</c>.</param>
    /// <returns>The signer's address, or null.</returns>
    public static IotaAddress? VerifyPersonalMessage(ReadOnlySpan<byte> message, string serialized) =>
        Verify(IotaIntent.PersonalMessageSigningDigest(message), serialized);

    private static IotaAddress? Verify(byte[] digest, string serialized)
    {
        if (serialized is null || serialized.Length > 4 * Ed25519Length)
        {
            return null;
        }

        byte[] raw;
        try
        {
            raw = Convert.FromBase64String(serialized);
        }
        catch (FormatException)
        {
            return null;
        }

        if (raw.Length != Ed25519Length || raw[0] != Ed25519Flag)
        {
            return null;
        }

        return Ed25519.Verify(raw.AsSpan(65), digest, raw.AsSpan(1, 64)) ? AddressOf(raw.AsSpan(65)) : null;
    }
}
