// At-rest encryption of profile secrets and message bodies.
//
// | item            | value                                                                                    |
// |-----------------|------------------------------------------------------------------------------------------|
// | master key      | Argon2id (RFC 9106, version 0x13) of the UTF-8 passphrase, 16-byte random salt, 32 bytes |
// | encryption key  | HKDF-SHA256 (RFC 5869) of the master key, info "wotid profile at-rest key v1"            |
// | key check value | HKDF-SHA256 of the master key, info "wotid profile key check v1", 32 bytes               |
// | AEAD            | ChaCha20-Poly1305 (RFC 8439 §2.8), random 96-bit nonce per value                         |
// | sealed value    | 0x01 ‖ nonce (12) ‖ ciphertext ‖ tag (16)                                                 |
// | associated data | "wotid/at-rest/v1" 0x00 table 0x00 column 0x00 row key (UTF-8)                            |
// | limit           | sealed values up to 16 MiB                                                               |
//
// The check value is compared in constant time to tell a wrong passphrase from damage, so opening never tries to
// decrypt anything with a wrong key. The associated data binds each value to its place: a value copied to another
// row or column does not open. Random nonces: 2^32 values per key keep the collision chance below 2^-32 (RFC 8439 §4).
using System;
using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using WotId.Crypto;
using WotId.Node.Profile;

namespace WotId.Node.Storage;

/// <summary>The profile's derived at-rest key; zeroed on <see cref="Dispose"/>, never shown by <see cref="ToString"/>.</summary>
[DebuggerDisplay("AtRestKey")]
internal sealed class AtRestKey : IDisposable
{
    /// <summary>Salt size.</summary>
    internal const int SaltSize = 16;

    /// <summary>Key check value size.</summary>
    internal const int KeyCheckSize = 32;

    /// <summary>Bytes a sealed value adds to its plaintext.</summary>
    internal const int Overhead = 1 + AeadCipher.NonceSize + AeadCipher.TagSize;

    /// <summary>Largest sealed value accepted.</summary>
    internal const int MaxSealedLength = 16 * 1024 * 1024;

    private const byte Version = 0x01;
    private static readonly byte[] s_encryptionInfo = "wotid profile at-rest key v1"u8.ToArray();
    private static readonly byte[] s_checkInfo = "wotid profile key check v1"u8.ToArray();
    private static readonly byte[] s_adPrefix = "wotid/at-rest/v1"u8.ToArray();
    private readonly SecretBytes _key;
    private readonly byte[] _keyCheck;

    private AtRestKey(SecretBytes key, byte[] keyCheck)
    {
        _key = key;
        _keyCheck = keyCheck;
    }

    /// <summary>The key check value stored in the profile.</summary>
    internal ReadOnlySpan<byte> KeyCheck => _keyCheck;

    /// <summary>Derives the key from <paramref name="passphrase"/> (Argon2id, then HKDF).</summary>
    internal static AtRestKey Derive(string passphrase, ReadOnlySpan<byte> salt, KdfParameters parameters)
    {
        ArgumentException.ThrowIfNullOrEmpty(passphrase);
        byte[] pw = Encoding.UTF8.GetBytes(passphrase);
        Span<byte> master = stackalloc byte[32];
        try
        {
            Argon2id.DeriveKey(pw, salt, parameters.MemoryKiB, parameters.Iterations, parameters.Parallelism, master);
            byte[] key = HkdfSha256.DeriveKey(master, ReadOnlySpan<byte>.Empty, s_encryptionInfo, 32);
            SecretBytes handle = SecretBytes.Create(key);
            CryptographicOperations.ZeroMemory(key);
            return new AtRestKey(handle, HkdfSha256.DeriveKey(master, ReadOnlySpan<byte>.Empty, s_checkInfo, KeyCheckSize));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(master);
            CryptographicOperations.ZeroMemory(pw);
        }
    }

    /// <summary>Whether <paramref name="storedCheck"/> is this key's check value (constant time).</summary>
    internal bool Matches(ReadOnlySpan<byte> storedCheck) =>
        storedCheck.Length == KeyCheckSize && CryptographicOperations.FixedTimeEquals(storedCheck, _keyCheck);

    /// <summary>Seals <paramref name="plaintext"/> for the cell (<paramref name="table"/>, <paramref name="column"/>, <paramref name="rowKey"/>).</summary>
    internal byte[] Seal(string table, string column, string rowKey, ReadOnlySpan<byte> plaintext)
    {
        if (plaintext.Length > MaxSealedLength - Overhead)
        {
            throw new ProfileException(ProfileError.InvalidInput, "value too large to store");
        }

        byte[] sealedValue = new byte[plaintext.Length + Overhead];
        sealedValue[0] = Version;
        Span<byte> nonce = sealedValue.AsSpan(1, AeadCipher.NonceSize);
        RandomBytes.Fill(nonce);
        ChaCha20Poly1305Aead.Encrypt(_key.Span, nonce, plaintext, AssociatedData(table, column, rowKey), sealedValue.AsSpan(1 + AeadCipher.NonceSize));
        return sealedValue;
    }

    /// <summary>Opens a sealed cell; throws <see cref="ProfileException"/> (<see cref="ProfileError.Corrupt"/>) when it does not authenticate.</summary>
    internal byte[] Open(string table, string column, string rowKey, ReadOnlySpan<byte> sealedValue)
    {
        if (sealedValue.Length < Overhead || sealedValue.Length > MaxSealedLength || sealedValue[0] != Version)
        {
            throw new ProfileException(ProfileError.Corrupt, $"stored value in {table}.{column} is malformed");
        }

        byte[] plaintext = new byte[sealedValue.Length - Overhead];
        if (!ChaCha20Poly1305Aead.TryDecrypt(_key.Span, sealedValue.Slice(1, AeadCipher.NonceSize), sealedValue[(1 + AeadCipher.NonceSize)..], AssociatedData(table, column, rowKey), plaintext))
        {
            throw new ProfileException(ProfileError.Corrupt, $"stored value in {table}.{column} does not authenticate");
        }

        return plaintext;
    }

    /// <inheritdoc />
    public void Dispose() => _key.Dispose();

    /// <inheritdoc />
    public override string ToString() => "AtRestKey";

    private static byte[] AssociatedData(string table, string column, string rowKey)
    {
        int n = s_adPrefix.Length + 3 + Encoding.UTF8.GetByteCount(table) + Encoding.UTF8.GetByteCount(column) + Encoding.UTF8.GetByteCount(rowKey);
        byte[] ad = new byte[n];
        int o = 0;
        s_adPrefix.CopyTo(ad, 0);
        o += s_adPrefix.Length;
        foreach (string part in (ReadOnlySpan<string>)[table, column, rowKey])
        {
            ad[o++] = 0;
            o += Encoding.UTF8.GetBytes(part, ad.AsSpan(o));
        }

        return ad;
    }
}
