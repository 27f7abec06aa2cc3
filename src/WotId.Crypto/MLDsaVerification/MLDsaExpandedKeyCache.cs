// A small bounded cache of expanded ML-DSA public keys for MLDsa.Verify. A key is expanded (heap: ≤ 64 KiB for
// ML-DSA-87) only the second time it is seen among the last 64 keys, so one-off keys cost nothing extra; 16 entries
// are kept, replaced round-robin. Entries are immutable and published with volatile writes: readers on any thread
// see a whole entry or none, and a lookup compares the full public key, so a colliding "seen" marker only makes an
// expansion happen early.
using System;
using System.Buffers.Binary;
using System.Threading;

namespace WotId.Crypto;

/// <summary>Process-wide cache of <see cref="MLDsaExpandedPublicKey"/> (bounded, lock-free).</summary>
internal static class MLDsaExpandedKeyCache
{
    public const int Capacity = 16;
    private const int SeenCapacity = 64;

    private static readonly MLDsaExpandedPublicKey?[] s_entries = new MLDsaExpandedPublicKey?[Capacity];
    private static readonly ulong[] s_seen = new ulong[SeenCapacity];
    private static int s_nextEntry;
    private static int s_nextSeen;

    /// <summary>The expanded key when cached; expands and caches it on its second sighting; null on the first.</summary>
    public static MLDsaExpandedPublicKey? Get(MLDsaParameterSet set, ReadOnlySpan<byte> publicKey, bool vector, bool platformShake)
    {
        MLDsaExpandedPublicKey? hit = Find(set, publicKey);
        if (hit is not null)
        {
            return hit;
        }

        ulong marker = Marker(publicKey);
        for (int i = 0; i < SeenCapacity; i++)
        {
            if (Volatile.Read(ref s_seen[i]) == marker)
            {
                MLDsaExpandedPublicKey created = MLDsaExpandedPublicKey.Create(set, publicKey, vector, platformShake);
                Volatile.Write(ref s_entries[(Interlocked.Increment(ref s_nextEntry) & int.MaxValue) % Capacity], created);
                return created;
            }
        }

        Volatile.Write(ref s_seen[(Interlocked.Increment(ref s_nextSeen) & int.MaxValue) % SeenCapacity], marker);
        return null;
    }

    /// <summary>The cached expansion of exactly this key, or null.</summary>
    public static MLDsaExpandedPublicKey? Find(MLDsaParameterSet set, ReadOnlySpan<byte> publicKey)
    {
        for (int i = 0; i < Capacity; i++)
        {
            MLDsaExpandedPublicKey? e = Volatile.Read(ref s_entries[i]);
            if (e is not null && ReferenceEquals(e.Set, set) && publicKey.SequenceEqual(e.PublicKey))
            {
                return e;
            }
        }

        return null;
    }

    // Not a security boundary: any collision only expands a key early (lookups compare whole keys). Never 0 (empty slot).
    private static ulong Marker(ReadOnlySpan<byte> publicKey) =>
        (BinaryPrimitives.ReadUInt64LittleEndian(publicKey) ^ BinaryPrimitives.ReadUInt64LittleEndian(publicKey[^8..]) ^ (ulong)publicKey.Length) | 1;
}
