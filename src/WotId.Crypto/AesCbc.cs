// AES in CBC mode with PKCS#7 padding (NIST SP 800-38A §6.2; RFC 5652 §6.3 padding). Keys of 16, 24 or 32 bytes.
using System;
using System.Security.Cryptography;

namespace WotId.Crypto;

/// <summary>AES-CBC with PKCS#7 padding, any AES key size. Protocol code uses <see cref="Aes256Cbc"/>.</summary>
public static class AesCbc
{
    /// <summary>Block and IV size.</summary>
    public const int BlockSize = 16;

    /// <summary>Encrypts with PKCS#7 padding.</summary>
    public static byte[] Encrypt(ReadOnlySpan<byte> key, ReadOnlySpan<byte> iv, ReadOnlySpan<byte> plaintext)
    {
        CheckKeyAndIv(key, iv);
        using Aes aes = Create(key);
        return aes.EncryptCbc(plaintext, iv, PaddingMode.PKCS7);
    }

    /// <summary>Decrypts; false when the length or the padding is wrong.</summary>
    public static bool TryDecrypt(ReadOnlySpan<byte> key, ReadOnlySpan<byte> iv, ReadOnlySpan<byte> ciphertext, out byte[]? plaintext)
    {
        CheckKeyAndIv(key, iv);
        plaintext = null;
        if (ciphertext.IsEmpty || ciphertext.Length % BlockSize != 0)
        {
            return false;
        }

        using Aes aes = Create(key);
        try
        {
            plaintext = aes.DecryptCbc(ciphertext, iv, PaddingMode.PKCS7);
            return true;
        }
        catch (CryptographicException)
        {
            return false;
        }
    }

    // Aes.Key keeps its own copy (cleared when the object is disposed); the array handed to it is cleared here.
    private static Aes Create(ReadOnlySpan<byte> key)
    {
        var aes = Aes.Create();
        byte[] copy = key.ToArray();
        try
        {
            aes.Key = copy;
            return aes;
        }
        catch
        {
            aes.Dispose();
            throw;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(copy);
        }
    }

    private static void CheckKeyAndIv(ReadOnlySpan<byte> key, ReadOnlySpan<byte> iv)
    {
        if (key.Length is not (16 or 24 or 32))
        {
            throw new ArgumentException("AES key must be 16, 24 or 32 bytes", nameof(key));
        }

        ThrowHelper.CheckLength(iv, BlockSize, nameof(iv));
    }
}
