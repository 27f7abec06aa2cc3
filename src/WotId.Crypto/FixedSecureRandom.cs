using System;
using Org.BouncyCastle.Security;

namespace WotId.Crypto;

/// <summary>
/// A BouncyCastle random source that replays fixed bytes: lets deterministic ML-KEM encapsulation (explicit m),
/// hedged ML-DSA with explicit rnd and seeded Falcon key generation go through BouncyCastle's public API.
/// Throws when more bytes are drawn than were supplied, so a misuse can never fall back to weak randomness.
/// </summary>
internal sealed class FixedSecureRandom : SecureRandom
{
    private readonly byte[] _data;
    private int _position;

    public FixedSecureRandom(ReadOnlySpan<byte> data)
        : base(new Org.BouncyCastle.Crypto.Prng.VmpcRandomGenerator(), 0)
    {
        _data = data.ToArray();
    }

    public override void NextBytes(byte[] buf) => NextBytes(buf, 0, buf.Length);

    public override void NextBytes(byte[] buf, int off, int len) => NextBytes(buf.AsSpan(off, len));

    public override void NextBytes(Span<byte> buffer)
    {
        if (_position + buffer.Length > _data.Length)
        {
            throw new InvalidOperationException("fixed random source exhausted");
        }

        _data.AsSpan(_position, buffer.Length).CopyTo(buffer);
        _position += buffer.Length;
    }
}
