using System;
using System.Collections.Concurrent;
using WotId.Identity.Keys;
using WotId.Testing;

namespace WotId.Identity.Tests;

/// <summary>Deterministic keys from a one-byte tag, so tests and the Node oracle derive the same keys.</summary>
internal static class TestKeys
{
    private static readonly ConcurrentDictionary<(KeyAlgorithm, byte), SigningKey> s_cache = new();

    /// <summary>Seed = tag, tag+1, … (32 or 48 bytes).</summary>
    public static byte[] Seed(KeyAlgorithm algorithm, byte tag) => TestSeeds.Counting(tag, SigningKey.SeedSize(algorithm));

    /// <summary>A cached key; do not dispose.</summary>
    public static SigningKey Get(KeyAlgorithm algorithm, byte tag) =>
        s_cache.GetOrAdd((algorithm, tag), k => SigningKey.FromSeed(k.Item1, Seed(k.Item1, k.Item2)));

    /// <summary>A random 32-byte "Signal identity key" stand-in.</summary>
    public static byte[] IdentityKey(byte tag)
    {
        byte[] k = new byte[33];
        k[0] = 0x05;
        k.AsSpan(1).Fill(tag);
        return k;
    }
}
