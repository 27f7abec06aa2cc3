// IOTA Identity's RevocationBitmap2022 (identity.rs identity_credential revocation/revocation_bitmap_2022/bitmap.rs): the
// set of revoked credential indices (u32) of one issuer, kept as a Roaring bitmap and published as a DID document
// service of type RevocationBitmap2022 (RevocationBitmap.Endpoint.cs). Credentials point into it with a
// RevocationBitmap2022 credentialStatus (identity_credential credential/revocation_bitmap_status.rs).
// Bound: MaxContainers containers (one per distinct high 16 bits of the revoked indices: 4,096 revocations at random u32
// indices, or every index below 2^28), and RevocationBitmap.MaxDecompressedBytes of serialized Roaring bytes.
using System;
using System.Collections.Generic;
using System.Linq;
using WotId.Identity.Status.Roaring;

namespace WotId.Identity.Status;

/// <summary>A RevocationBitmap2022: revoked credential indices.</summary>
public sealed partial class RevocationBitmap
{
    /// <summary>The service and credentialStatus type.</summary>
    public const string Type = "RevocationBitmap2022";

    /// <summary>Most Roaring containers accepted (and produced): 4,096 keys of 65,536 indices.</summary>
    public const int MaxContainers = 4096;

    private readonly SortedDictionary<ushort, RoaringContainer> _containers;

    /// <summary>Creates an empty bitmap (no credential revoked).</summary>
    public RevocationBitmap()
        : this(new SortedDictionary<ushort, RoaringContainer>())
    {
    }

    private RevocationBitmap(SortedDictionary<ushort, RoaringContainer> containers) => _containers = containers;

    /// <summary>Number of revoked indices.</summary>
    public long Count => _containers.Values.Sum(c => (long)c.Cardinality);

    /// <summary>True when <paramref name="index"/> is revoked.</summary>
    public bool IsRevoked(uint index) =>
        _containers.TryGetValue((ushort)(index >> 16), out RoaringContainer? c) && c.Contains((ushort)index);

    /// <summary>Marks <paramref name="index"/> revoked; false when it already was.</summary>
    /// <exception cref="InvalidOperationException">The index needs a container beyond <see cref="MaxContainers"/>.</exception>
    public bool Revoke(uint index)
    {
        ushort key = (ushort)(index >> 16);
        if (!_containers.TryGetValue(key, out RoaringContainer? c))
        {
            if (_containers.Count >= MaxContainers)
            {
                throw new InvalidOperationException($"a revocation bitmap holds at most {MaxContainers} containers");
            }

            c = RoaringContainer.FromSorted(new List<ushort>());
            _containers.Add(key, c);
        }

        return c.Add((ushort)index);
    }

    /// <summary>Clears <paramref name="index"/>; false when it was not revoked.</summary>
    public bool Unrevoke(uint index)
    {
        ushort key = (ushort)(index >> 16);
        if (!_containers.TryGetValue(key, out RoaringContainer? c) || !c.Remove((ushort)index))
        {
            return false;
        }

        if (c.Cardinality == 0)
        {
            _containers.Remove(key);
        }

        return true;
    }

    /// <summary>The revoked indices in increasing order.</summary>
    public IEnumerable<uint> RevokedIndices()
    {
        foreach ((ushort key, RoaringContainer c) in _containers)
        {
            foreach (ushort low in c.Values())
            {
                yield return ((uint)key << 16) | low;
            }
        }
    }

    /// <summary>The Roaring portable serialization (cookie 12346, array and bitset containers) as roaring-rs writes it.</summary>
    public byte[] ToRoaringBytes() => RoaringPortableFormat.Write(_containers);

    /// <summary>Parses the Roaring portable serialization (either cookie; array, bitset and run containers).</summary>
    /// <exception cref="IdentityFormatException">Malformed bytes, or more than <see cref="MaxContainers"/> containers.</exception>
    public static RevocationBitmap FromRoaringBytes(ReadOnlySpan<byte> data) => new(RoaringPortableFormat.Read(data, MaxContainers));
}
