// IOTA addresses and object IDs: 32 raw bytes in BCS; in text "0x" + 64 lowercase hex digits, short forms
// ("0x2", "0x6") zero-padded on the left (iota-types base_types.rs; SDK normalizeIotaAddress).
using System;
using WotId.Core.Encoding;

namespace WotId.Mailbox.Types;

/// <summary>A 32-byte IOTA address or object ID.</summary>
public readonly struct IotaAddress : IEquatable<IotaAddress>
{
    /// <summary>Length in bytes.</summary>
    public const int Length = 32;

    private readonly byte[]? _bytes;

    /// <summary>Wraps a copy of 32 bytes.</summary>
    public IotaAddress(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length != Length)
        {
            throw new ArgumentException("an IOTA address is 32 bytes", nameof(bytes));
        }

        _bytes = bytes.ToArray();
    }

    /// <summary>The Clock object <c>0x6</c>.</summary>
    public static IotaAddress Clock => FromShort(6);

    /// <summary>The framework package <c>0x2</c>.</summary>
    public static IotaAddress Framework => FromShort(2);

    /// <summary>The raw bytes.</summary>
    public ReadOnlySpan<byte> Span => _bytes ?? new byte[Length];

    /// <summary>Parses <c>0x</c>-prefixed hex of 1 to 64 digits (case-insensitive).</summary>
    public static IotaAddress Parse(string text) =>
        TryParse(text, out IotaAddress a) ? a : throw new FormatException("not an IOTA address: expected 0x followed by 1 to 64 hex digits");

    /// <summary>Parses without throwing.</summary>
    public static bool TryParse(string? text, out IotaAddress address)
    {
        address = default;
        if (text is null || !text.StartsWith("0x", StringComparison.OrdinalIgnoreCase) || text.Length < 3 || text.Length > 66)
        {
            return false;
        }

        string hex = text[2..].PadLeft(64, '0');
        foreach (char c in hex)
        {
            if (!char.IsAsciiHexDigit(c))
            {
                return false;
            }
        }

        address = new IotaAddress(Hex.Decode(hex.ToLowerInvariant()));
        return true;
    }

    /// <summary>Equality.</summary>
    public static bool operator ==(IotaAddress left, IotaAddress right) => left.Equals(right);

    /// <summary>Inequality.</summary>
    public static bool operator !=(IotaAddress left, IotaAddress right) => !left.Equals(right);

    /// <inheritdoc />
    public bool Equals(IotaAddress other) => Span.SequenceEqual(other.Span);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is IotaAddress a && Equals(a);

    /// <inheritdoc />
    public override int GetHashCode() => BitConverter.ToInt32(Span[..4]);

    /// <summary>The canonical text form: <c>0x</c> + 64 lowercase hex digits.</summary>
    public override string ToString() => "0x" + Hex.Encode(Span);

    private static IotaAddress FromShort(byte value)
    {
        var b = new byte[Length];
        b[^1] = value;
        return new IotaAddress(b);
    }

    /// <summary>Short form for logs (first 6 bytes).</summary>
    public string ToShortString() => "0x" + Hex.Encode(Span[..6]) + "…";
}
