using System;
using System.Security.Cryptography;

namespace WotId.Crypto;

/// <summary>Cryptographically secure random bytes (the OS generator).</summary>
public static class RandomBytes
{
    /// <summary>Fills <paramref name="destination"/>.</summary>
    public static void Fill(Span<byte> destination) => RandomNumberGenerator.Fill(destination);

    /// <summary>Returns <paramref name="count"/> random bytes.</summary>
    public static byte[] Get(int count) => RandomNumberGenerator.GetBytes(count);
}
