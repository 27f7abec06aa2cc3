// A deterministic byte source for the SPQR harnesses: SHA-256(seed ‖ BE64 counter) blocks. The same seed gives the
// same bytes, so an input always takes the same path (AFL's stability, replayable findings). Never a key source.
using System;
using System.Buffers.Binary;
using System.Security.Cryptography;

namespace WotId.Fuzz.Targets.Spqr;

/// <summary>A <see cref="RandomNumberGenerator"/> that returns a fixed stream of bytes for a given seed.</summary>
internal sealed class FixedSeedRandom : RandomNumberGenerator
{
    private readonly byte[] _block = new byte[1 + 8];
    private ulong _counter;

    public FixedSeedRandom(byte seed)
    {
        _block[0] = seed;
    }

    public override void GetBytes(byte[] data)
    {
        ArgumentNullException.ThrowIfNull(data);
        GetBytes(data.AsSpan());
    }

    public override void GetBytes(byte[] data, int offset, int count)
    {
        ArgumentNullException.ThrowIfNull(data);
        GetBytes(data.AsSpan(offset, count));
    }

    public override void GetBytes(Span<byte> data)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        while (!data.IsEmpty)
        {
            BinaryPrimitives.WriteUInt64BigEndian(_block.AsSpan(1), _counter++);
            SHA256.HashData(_block, hash);
            int take = Math.Min(hash.Length, data.Length);
            hash[..take].CopyTo(data);
            data = data[take..];
        }
    }
}
