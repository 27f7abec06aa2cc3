// An IOTA Ed25519 account key: address derivation, intent signing and the "iotaprivkey" Bech32 export
// (SDK cryptography/keypair.ts encodeIotaPrivateKey: bech32("iotaprivkey", flag || 32-byte secret)).
using System;
using System.Security.Cryptography;
using WotId.Crypto;
using WotId.Mailbox.Types;

namespace WotId.Mailbox.Signing;

/// <summary>An Ed25519 key pair used to sign IOTA transactions. Disposing zeroes the secret.</summary>
public sealed class IotaKeyPair : IDisposable
{
    /// <summary>The Bech32 human-readable part of exported private keys.</summary>
    public const string PrivateKeyPrefix = "iotaprivkey";

    private readonly Ed25519PrivateKey _key;

    private IotaKeyPair(Ed25519PrivateKey key)
    {
        _key = key;
        Address = SerializedSignature.AddressOf(key.PublicKeySpan);
    }

    /// <summary>The account address, <c>blake2b256(public key)</c>.</summary>
    public IotaAddress Address { get; }

    /// <summary>The 32-byte public key.</summary>
    public byte[] PublicKey => _key.PublicKey;

    /// <summary>A fresh random key.</summary>
    public static IotaKeyPair Generate() => new(Ed25519PrivateKey.Generate());

    /// <summary>A key from its 32-byte secret (seed).</summary>
    public static IotaKeyPair FromSecret(ReadOnlySpan<byte> secret32) => new(Ed25519PrivateKey.FromSeed(secret32));

    /// <summary>Imports an <c>iotaprivkey1…</c> string (Ed25519 only); throws <see cref="FormatException"/>.</summary>
    public static IotaKeyPair ImportPrivateKey(string bech32)
    {
        ArgumentNullException.ThrowIfNull(bech32);
        (string hrp, byte[] data) = Bech32.Decode(bech32.Trim());
        try
        {
            if (hrp != PrivateKeyPrefix || data.Length != 33)
            {
                throw new FormatException("not an iotaprivkey string");
            }

            if (data[0] != SerializedSignature.Ed25519Flag)
            {
                throw new FormatException("only Ed25519 keys (flag 0) are supported");
            }

            return FromSecret(data.AsSpan(1));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(data);
        }
    }

    /// <summary>Exports the secret as <c>iotaprivkey1…</c>. The result is a secret: never log it.</summary>
    public string ExportPrivateKey()
    {
        byte[] buf = new byte[33];
        try
        {
            _key.ExportSeed(buf.AsSpan(1));
            return Bech32.Encode(PrivateKeyPrefix, buf);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(buf);
        }
    }

    /// <summary>Signs transaction bytes with the transaction intent; returns the serialized signature (base64).</summary>
    /// <param name="txBytes">BCS transaction data.</param>
    /// <returns>Base64 <c>0x00 || signature || public key</c>, for <c>iota_executeTransactionBlock</c>.</returns>
    public string SignTransaction(ReadOnlySpan<byte> txBytes) =>
        SerializedSignature.EncodeEd25519(_key.Sign(IotaIntent.TransactionSigningDigest(txBytes)), _key.PublicKeySpan);

    /// <summary>Signs <paramref name="transaction"/> (its BCS bytes) with the transaction intent.</summary>
    /// <param name="transaction">The transaction; the sender, or the sponsor of a sponsored one, signs it.</param>
    /// <returns>The serialized signature (base64).</returns>
    public string SignTransaction(Transactions.TransactionData transaction)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        return SignTransaction(transaction.ToBcs());
    }

    /// <summary>Signs a personal message (intent scope 3, the message as BCS <c>vector&lt;u8&gt;</c>).</summary>
    /// <param name="message">The message bytes.</param>
    /// <returns>The serialized signature (base64).</returns>
    public string SignPersonalMessage(ReadOnlySpan<byte> message) =>
        SerializedSignature.EncodeEd25519(_key.Sign(IotaIntent.PersonalMessageSigningDigest(message)), _key.PublicKeySpan);

    /// <inheritdoc />
    public void Dispose() => _key.Dispose();

    /// <summary>Never shows key material.</summary>
    public override string ToString() => "IotaKeyPair(" + Address + ")";
}
