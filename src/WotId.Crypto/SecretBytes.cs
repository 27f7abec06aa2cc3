using System;
using System.Diagnostics;
using System.Security.Cryptography;

namespace WotId.Crypto;

/// <summary>
/// Secret key material held in pinned memory that is zeroed on <see cref="Dispose"/> (house style, point 6).
/// <see cref="ToString"/> never shows the bytes. Secrets of up to 128 bytes are pieces of a shared pinned slab
/// (SecretSlab), longer ones have a pinned array of their own; either way a handle's bytes belong to it alone and are
/// never handed to another handle, even after <see cref="Dispose"/>.
/// </summary>
[DebuggerDisplay("SecretBytes, Length = {Length}")]
public sealed class SecretBytes : IDisposable
{
    private readonly byte[] _buffer;
    private readonly int _offset;
    private readonly int _length;
    private bool _disposed;

    private SecretBytes(int length)
    {
        _length = length;
        _buffer = length <= SecretSlab.MaxCarvedLength
            ? SecretSlab.Carve(length, out _offset)
            : GC.AllocateArray<byte>(length, pinned: true);
    }

    /// <summary>Number of bytes.</summary>
    public int Length => _length;

    /// <summary>The secret bytes; valid until disposed.</summary>
    public ReadOnlySpan<byte> Span
    {
        get
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return new Span<byte>(_buffer, _offset, _length);
        }
    }

    /// <summary>Copies <paramref name="source"/> into a new handle.</summary>
    public static SecretBytes Create(ReadOnlySpan<byte> source)
    {
        var s = new SecretBytes(source.Length);
        source.CopyTo(s.WritableSpan);
        return s;
    }

    /// <summary>A handle of <paramref name="length"/> random bytes.</summary>
    public static SecretBytes Random(int length)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        var s = new SecretBytes(length);
        RandomNumberGenerator.Fill(s.WritableSpan);
        return s;
    }

    /// <summary>A zero-filled handle of <paramref name="length"/> bytes, written in place by this assembly.</summary>
    internal static SecretBytes Allocate(int length) => new(length);

    /// <summary>Writable view for code in this assembly that derives a key in place.</summary>
    internal Span<byte> WritableSpan
    {
        get
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return new Span<byte>(_buffer, _offset, _length);
        }
    }

    /// <summary>Constant-time comparison with <paramref name="other"/>.</summary>
    public bool FixedTimeEquals(ReadOnlySpan<byte> other) => CryptographicOperations.FixedTimeEquals(Span, other);

    /// <inheritdoc />
    public void Dispose()
    {
        if (!_disposed)
        {
            CryptographicOperations.ZeroMemory(new Span<byte>(_buffer, _offset, _length));
            _disposed = true;
        }
    }

    /// <inheritdoc />
    public override string ToString() => $"SecretBytes({Length} bytes)";
}
