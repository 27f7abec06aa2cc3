// Argon2id, RFC 9106 (version 0x13), over Konscious.Security.Cryptography.Argon2 1.3.1 (managed).
// Used to derive key-file encryption keys from passphrases (issue 5). Parameter bounds here reject
// nonsensical or denial-of-service settings read from a file.
//
// | parameter   | bound                       |
// |-------------|-----------------------------|
// | password    | non-empty                   |
// | salt        | 8..64 bytes                 |
// | memory      | 8·p KiB .. 1 GiB (in KiB)   |
// | iterations  | 1..16                       |
// | parallelism | 1..8                        |
// | output      | 16..64 bytes                |
using System;

namespace WotId.Crypto;

/// <summary>Argon2id password hashing / key derivation.</summary>
public static class Argon2id
{
    /// <summary>Largest accepted memory cost in KiB (1 GiB).</summary>
    public const int MaxMemoryKiB = 1024 * 1024;

    /// <summary>Derives <paramref name="output"/>.Length bytes from <paramref name="password"/> and <paramref name="salt"/>.</summary>
    /// <exception cref="ArgumentException">An empty password, or a parameter outside the bounds in the file header.</exception>
    public static void DeriveKey(ReadOnlySpan<byte> password, ReadOnlySpan<byte> salt, int memoryKiB, int iterations, int parallelism, Span<byte> output)
    {
        if (password.IsEmpty)
        {
            throw new ArgumentException("password must not be empty", nameof(password));
        }

        if (salt.Length is < 8 or > 64)
        {
            throw new ArgumentException("salt must be 8..64 bytes", nameof(salt));
        }

        if (parallelism is < 1 or > 8 || iterations is < 1 or > 16 || memoryKiB < 8 * parallelism || memoryKiB > MaxMemoryKiB)
        {
            throw new ArgumentException("Argon2id parameters out of range");
        }

        if (output.Length is < 16 or > 64)
        {
            throw new ArgumentException("output must be 16..64 bytes", nameof(output));
        }

        byte[] pw = password.ToArray();
        try
        {
            using var argon = new Konscious.Security.Cryptography.Argon2id(pw)
            {
                Salt = salt.ToArray(),
                MemorySize = memoryKiB,
                Iterations = iterations,
                DegreeOfParallelism = parallelism,
            };
            byte[] derived = argon.GetBytes(output.Length);
            derived.CopyTo(output);
            Array.Clear(derived);
        }
        finally
        {
            Array.Clear(pw);
        }
    }
}
