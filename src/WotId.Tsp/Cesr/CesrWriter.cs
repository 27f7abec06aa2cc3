// CESR (ToIP CESR specification v1.0, "Count codes", "Fixed size codes", "Variable size codes"), written the way the
// Rust TSP SDK writes them (tsp_sdk/src/cesr/encode.rs): header sizes follow from the raw size, lead bytes are zero.
using System;
using System.Buffers;

namespace WotId.Tsp.Cesr;

/// <summary>Builds a binary-domain (qb2) CESR stream. Use <see cref="CesrText.ToText"/> for the text form.</summary>
public sealed class CesrWriter
{
    /// <summary>Largest count a count code can carry (the long <c>-0X#####</c> form has 30 bits).</summary>
    public const int MaxCount = (1 << 30) - 1;

    /// <summary>Largest raw size of a variable-size primitive (2^24 − 1 triplets).</summary>
    public const int MaxVariableSize = ((1 << 24) - 1) * 3;

    private readonly ArrayBufferWriter<byte> _buffer;

    /// <summary>Creates an empty writer.</summary>
    public CesrWriter(int initialCapacity = 256)
    {
        _buffer = new ArrayBufferWriter<byte>(Math.Max(initialCapacity, 16));
    }

    /// <summary>Bytes written so far.</summary>
    public int Length => _buffer.WrittenCount;

    /// <summary>The bytes written so far.</summary>
    public ReadOnlySpan<byte> WrittenSpan => _buffer.WrittenSpan;

    /// <summary>A copy of the bytes written so far.</summary>
    public byte[] ToArray() => _buffer.WrittenSpan.ToArray();

    /// <summary>Encoded size of a fixed-size primitive with <paramref name="rawSize"/> raw bytes.</summary>
    public static int FixedSize(int rawSize) => ((rawSize + 1 + 2) / 3) * 3;

    /// <summary>Encoded size of a variable-size primitive of type <paramref name="type"/> (1 or 3 characters).</summary>
    public static int VariableSize(string type, int rawSize)
    {
        ArgumentNullException.ThrowIfNull(type);
        int padded = (rawSize + 2) / 3 * 3;
        bool small = type.Length == 1 && padded / 3 < 4096;
        return (small ? 3 : 6) + padded;
    }

    /// <summary>Writes a count (framing) code <c>-X##</c>, or <c>-0X#####</c> when the count needs more than 12 bits.</summary>
    public void WriteCount(char code, int count)
    {
        int id = CesrAlphabet.Sextet(code);
        if (id < 0 || code is >= '0' and <= '9' || code is '-' or '_')
        {
            throw new ArgumentException("a count code is one letter", nameof(code));
        }

        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, MaxCount);
        if (count < 4096)
        {
            WriteWord((62 << 18) | (id << 12) | count);
        }
        else
        {
            WriteWord((62 << 18) | (52 << 12) | (id << 6) | (count >> 24));
            WriteWord(count & 0xFFFFFF);
        }
    }

    /// <summary>
    /// Writes a fixed-size primitive. The code length must match the raw size: 1 character when
    /// <c>raw.Length % 3 == 2</c>, <c>0X</c> when it is 1, <c>1XXX</c> when it is 0 (no lead bytes).
    /// </summary>
    public void WriteFixed(string code, ReadOnlySpan<byte> raw)
    {
        ArgumentNullException.ThrowIfNull(code);
        int headerBytes = FixedSize(raw.Length) - raw.Length;
        ValidateFixedCode(code, headerBytes);
        int word = CesrAlphabet.Value(code) << ((headerBytes * 8) - (code.Length * 6));
        Span<byte> header = _buffer.GetSpan(headerBytes);
        for (int i = 0; i < headerBytes; i++)
        {
            header[i] = (byte)(word >> (8 * (headerBytes - 1 - i)));
        }

        _buffer.Advance(headerBytes);
        _buffer.Write(raw);
    }

    /// <summary>
    /// Writes a variable-size primitive: <c>4X##</c>/<c>5X##</c>/<c>6X##</c> (0/1/2 zero lead bytes) for a
    /// 1-character type under 4096 triplets, else <c>7XXX####</c>/<c>8…</c>/<c>9…</c> (a 1-character type X becomes <c>AAX</c>).
    /// </summary>
    public void WriteVariable(string type, ReadOnlySpan<byte> raw)
    {
        ArgumentNullException.ThrowIfNull(type);
        if (type.Length is not (1 or 3))
        {
            throw new ArgumentException("a variable-size type has 1 or 3 characters", nameof(type));
        }

        if (raw.Length > MaxVariableSize)
        {
            throw new ArgumentException($"variable-size data is limited to {MaxVariableSize} bytes", nameof(raw));
        }

        int id = CesrAlphabet.Value(type);
        int padded = (raw.Length + 2) / 3 * 3;
        int lead = padded - raw.Length;
        int size = padded / 3;
        if (type.Length == 1 && size < 4096)
        {
            WriteWord(((52 + 4 + lead) << 18) | (id << 12) | size);
        }
        else
        {
            WriteWord(((52 + 7 + lead) << 18) | id);
            WriteWord(size);
        }

        Span<byte> zeros = _buffer.GetSpan(lead);
        zeros[..lead].Clear();
        _buffer.Advance(lead);
        _buffer.Write(raw);
    }

    /// <summary>Writes a four-character code as its three bytes (TSP type codes such as <c>XSCS</c>, <c>YTSP</c>).</summary>
    public void WriteTriplet(string fourChars) => _buffer.Write(CesrAlphabet.Triplet(fourChars));

    /// <summary>Appends already-encoded CESR bytes.</summary>
    public void WriteEncoded(ReadOnlySpan<byte> encoded) => _buffer.Write(encoded);

    private static void ValidateFixedCode(string code, int headerBytes)
    {
        bool ok = headerBytes switch
        {
            1 => code.Length == 1 && CesrAlphabet.Sextet(code[0]) is >= 0 and < 52,
            2 => code.Length == 2 && code[0] == '0' && CesrAlphabet.Sextet(code[1]) >= 0,
            _ => code.Length == 4 && code[0] == '1' && CesrAlphabet.Sextet(code[1]) >= 0
                && CesrAlphabet.Sextet(code[2]) >= 0 && CesrAlphabet.Sextet(code[3]) >= 0,
        };
        if (!ok)
        {
            throw new ArgumentException($"code '{code}' does not fit a fixed-size primitive with {headerBytes} header byte(s)", nameof(code));
        }
    }

    private void WriteWord(int word)
    {
        Span<byte> s = _buffer.GetSpan(3);
        s[0] = (byte)(word >> 16);
        s[1] = (byte)(word >> 8);
        s[2] = (byte)word;
        _buffer.Advance(3);
    }
}
