// Passphrase-encrypted signing-key file (wot.id format, version 1; documented in src/WotId.Identity/README.md):
//   key  = Argon2id(UTF-8 passphrase, salt 16 B, m KiB, t, p) → 32 bytes (RFC 9106)
//   ct   = AES-256-GCM(key, nonce 12 B, seed, aad = "wotid-key-v1|" alg "|" did)  (seed ‖ 16-byte tag)
// The JSON also carries the algorithm and the did:key in clear so `did show` works without the passphrase;
// both are bound through the AAD. Default cost: m = 64 MiB, t = 3, p = 1. Bound: 16 KiB of JSON.
using System;
using System.IO;
using System.Text;
using System.Text.Json;
using WotId.Core.Encoding;
using WotId.Crypto;
using WotId.Identity.Dids;

namespace WotId.Identity.Keys;

/// <summary>An encrypted key file: create from a key, open with the passphrase.</summary>
public sealed class EncryptedKeyFile
{
    /// <summary>Largest accepted key-file JSON.</summary>
    public const int MaxJsonBytes = 16 * 1024;

    private readonly byte[] _salt;
    private readonly byte[] _nonce;
    private readonly byte[] _ciphertext;

    private EncryptedKeyFile(KeyAlgorithm algorithm, string did, byte[] salt, int memoryKiB, int iterations, int parallelism, byte[] nonce, byte[] ciphertext)
    {
        Algorithm = algorithm;
        Did = did;
        _salt = salt;
        MemoryKiB = memoryKiB;
        Iterations = iterations;
        Parallelism = parallelism;
        _nonce = nonce;
        _ciphertext = ciphertext;
    }

    /// <summary>The key algorithm.</summary>
    public KeyAlgorithm Algorithm { get; }

    /// <summary>The did:key of the public key.</summary>
    public string Did { get; }

    /// <summary>Argon2id memory cost in KiB.</summary>
    public int MemoryKiB { get; }

    /// <summary>Argon2id passes.</summary>
    public int Iterations { get; }

    /// <summary>Argon2id lanes.</summary>
    public int Parallelism { get; }

    /// <summary>Encrypts <paramref name="key"/> under <paramref name="passphrase"/>.</summary>
    public static EncryptedKeyFile Create(SigningKey key, string passphrase, int memoryKiB = 64 * 1024, int iterations = 3, int parallelism = 1)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentException.ThrowIfNullOrEmpty(passphrase);
        byte[] salt = RandomBytes.Get(16);
        byte[] nonce = RandomBytes.Get(Aes256GcmAead.NonceSize);
        int seedSize = SigningKey.SeedSize(key.Algorithm);
        byte[] ciphertext = new byte[seedSize + Aes256GcmAead.TagSize];
        Span<byte> seedSpan = stackalloc byte[seedSize];
        Span<byte> aesKey = stackalloc byte[32];
        try
        {
            key.ExportSeed(seedSpan);
            DeriveKey(passphrase, salt, memoryKiB, iterations, parallelism, aesKey);
            Aes256GcmAead.Encrypt(aesKey, nonce, seedSpan, Aad(key.Algorithm, key.Did), ciphertext);
        }
        finally
        {
            seedSpan.Clear();
            aesKey.Clear();
        }

        return new EncryptedKeyFile(key.Algorithm, key.Did, salt, memoryKiB, iterations, parallelism, nonce, ciphertext);
    }

    /// <summary>Decrypts the key; false (and null) for a wrong passphrase or a tampered file.</summary>
    public bool TryOpen(string passphrase, out SigningKey? key)
    {
        ArgumentException.ThrowIfNullOrEmpty(passphrase);
        key = null;
        int seedSize = _ciphertext.Length - Aes256GcmAead.TagSize;
        Span<byte> seed = stackalloc byte[seedSize];
        Span<byte> aesKey = stackalloc byte[32];
        try
        {
            DeriveKey(passphrase, _salt, MemoryKiB, Iterations, Parallelism, aesKey);
            if (!Aes256GcmAead.TryDecrypt(aesKey, _nonce, _ciphertext, Aad(Algorithm, Did), seed))
            {
                return false;
            }

            SigningKey opened = SigningKey.FromSeed(Algorithm, seed);
            if (opened.Did != Did)
            {
                opened.Dispose();
                return false;
            }

            key = opened;
            return true;
        }
        finally
        {
            seed.Clear();
            aesKey.Clear();
        }
    }

    /// <summary>The file as JSON.</summary>
    public string ToJson()
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteString("type", "wotid-key");
            w.WriteNumber("version", 1);
            w.WriteString("alg", KeyAlgorithms.CliName(Algorithm));
            w.WriteString("did", Did);
            w.WriteStartObject("kdf");
            w.WriteString("name", "argon2id");
            w.WriteString("salt", Base64Url.Encode(_salt));
            w.WriteNumber("memoryKiB", MemoryKiB);
            w.WriteNumber("iterations", Iterations);
            w.WriteNumber("parallelism", Parallelism);
            w.WriteEndObject();
            w.WriteStartObject("cipher");
            w.WriteString("name", "aes-256-gcm");
            w.WriteString("nonce", Base64Url.Encode(_nonce));
            w.WriteEndObject();
            w.WriteString("ciphertext", Base64Url.Encode(_ciphertext));
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>Parses a key file.</summary>
    /// <exception cref="IdentityFormatException">Not a valid version-1 key file.</exception>
    public static EncryptedKeyFile Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        using JsonDocument doc = IdentityJson.ParseObject(json, MaxJsonBytes);
        JsonElement root = doc.RootElement;
        if (IdentityJson.OptionalString(root, "type") != "wotid-key" || IdentityJson.OptionalInt64(root, "version") != 1
            || !root.TryGetProperty("kdf", out JsonElement kdf) || kdf.ValueKind != JsonValueKind.Object
            || !root.TryGetProperty("cipher", out JsonElement cipher) || cipher.ValueKind != JsonValueKind.Object
            || IdentityJson.OptionalString(kdf, "name") != "argon2id" || IdentityJson.OptionalString(cipher, "name") != "aes-256-gcm")
        {
            throw Bad("not a version-1 wotid key file");
        }

        KeyAlgorithm algorithm = KeyAlgorithms.FromCliName(IdentityJson.RequireString(root, "alg")) is { } a && a != KeyAlgorithm.X25519
            ? a
            : throw Bad("unknown key algorithm");
        string did = IdentityJson.RequireString(root, "did");
        if (DidKey.Parse(did).Algorithm != algorithm)
        {
            throw Bad("did does not match alg");
        }

        long m = IdentityJson.OptionalInt64(kdf, "memoryKiB") ?? 0;
        long t = IdentityJson.OptionalInt64(kdf, "iterations") ?? 0;
        long p = IdentityJson.OptionalInt64(kdf, "parallelism") ?? 0;
        if (p is < 1 or > 8 || t is < 1 or > 16 || m < 8 * p || m > Argon2id.MaxMemoryKiB)
        {
            throw Bad("Argon2id parameters out of range");
        }

        byte[] salt = Jose.JoseBase64.Decode(IdentityJson.RequireString(kdf, "salt"), IdentityError.MalformedKeyFile);
        byte[] nonce = Jose.JoseBase64.Decode(IdentityJson.RequireString(cipher, "nonce"), IdentityError.MalformedKeyFile);
        byte[] ct = Jose.JoseBase64.Decode(IdentityJson.RequireString(root, "ciphertext"), IdentityError.MalformedKeyFile);
        if (salt.Length is < 8 or > 64 || nonce.Length != Aes256GcmAead.NonceSize || ct.Length != SigningKey.SeedSize(algorithm) + Aes256GcmAead.TagSize)
        {
            throw Bad("wrong salt, nonce or ciphertext length");
        }

        return new EncryptedKeyFile(algorithm, did, salt, (int)m, (int)t, (int)p, nonce, ct);
    }

    private static byte[] Aad(KeyAlgorithm algorithm, string did) =>
        Encoding.UTF8.GetBytes("wotid-key-v1|" + KeyAlgorithms.CliName(algorithm) + "|" + did);

    private static void DeriveKey(string passphrase, byte[] salt, int m, int t, int p, Span<byte> output)
    {
        byte[] pw = Encoding.UTF8.GetBytes(passphrase);
        try
        {
            Argon2id.DeriveKey(pw, salt, m, t, p, output);
        }
        finally
        {
            Array.Clear(pw);
        }
    }

    private static IdentityFormatException Bad(string message) => new(IdentityError.MalformedKeyFile, message);
}
