// CESR (ToIP CESR specification v1.0, "Count codes", "Fixed size codes", "Variable size codes"), read the way the
// Rust TSP SDK reads them (tsp_sdk/src/cesr/decode.rs), but strict: pad bits and lead bytes must be zero.
using System;

namespace WotId.Tsp.Cesr;

/// <summary>
/// Reads a binary-domain (qb2) CESR stream. <c>TryRead…</c> return false when the next item has another code
/// and throw <see cref="CesrException"/> when it has the expected code but is truncated or non-canonical;
/// <c>Read…</c> throw in both cases. Never reads past the span it was given.
/// </summary>
public ref struct CesrReader
{
    private readonly ReadOnlySpan<byte> _data;
    private int _pos;

    /// <summary>Creates a reader over <paramref name="data"/>.</summary>
    public CesrReader(ReadOnlySpan<byte> data)
    {
        _data = data;
        _pos = 0;
    }

    /// <summary>Bytes consumed so far.</summary>
    public readonly int Position => _pos;

    /// <summary>Bytes left.</summary>
    public readonly int Remaining => _data.Length - _pos;

    /// <summary>True when every byte has been consumed.</summary>
    public readonly bool IsEnd => _pos == _data.Length;

    /// <summary>The sextet that starts the next item, or -1 at the end.</summary>
    public readonly int PeekSextet() => IsEnd ? -1 : _data[_pos] >> 2;

    /// <summary>Reads count code <c>-X##</c> or <c>-0X#####</c> with type <paramref name="code"/> if it comes next.</summary>
    public bool TryReadCount(char code, out int count)
    {
        count = 0;
        int id = CesrAlphabet.Sextet(code);
        if (Remaining < 3 || id < 0)
        {
            return false;
        }

        int w = Word(_pos);
        if (w >> 12 == ((62 << 6) | id))
        {
            count = w & 0xFFF;
            _pos += 3;
            return true;
        }

        if (w >> 6 == ((62 << 12) | (52 << 6) | id))
        {
            Need(6, "long count code");
            count = ((w & 63) << 24) | Word(_pos + 3);
            _pos += 6;
            return true;
        }

        return false;
    }

    /// <summary>Reads count code type <paramref name="code"/> or throws.</summary>
    public int ReadCount(char code)
    {
        if (!TryReadCount(code, out int count))
        {
            throw Mismatch("count code -" + code);
        }

        return count;
    }

    /// <summary>Reads a fixed-size primitive with code <paramref name="code"/> and <paramref name="rawSize"/> raw bytes if it comes next.</summary>
    public bool TryReadFixed(string code, int rawSize, out ReadOnlySpan<byte> raw)
    {
        ArgumentNullException.ThrowIfNull(code);
        raw = default;
        int total = CesrWriter.FixedSize(rawSize);
        int headerBytes = total - rawSize;
        int padBits = (headerBytes * 8) - (code.Length * 6);
        if (Remaining < headerBytes || padBits is < 0 or > 6)
        {
            return false;
        }

        int header = 0;
        for (int i = 0; i < headerBytes; i++)
        {
            header = (header << 8) | _data[_pos + i];
        }

        if (header >> padBits != CesrAlphabet.Value(code))
        {
            return false;
        }

        if ((header & ((1 << padBits) - 1)) != 0)
        {
            throw new CesrException(CesrError.NonCanonical, _pos, $"pad bits after code {code} are not zero");
        }

        Need(total, "primitive " + code);
        raw = _data.Slice(_pos + headerBytes, rawSize);
        _pos += total;
        return true;
    }

    /// <summary>Reads a fixed-size primitive or throws.</summary>
    public ReadOnlySpan<byte> ReadFixed(string code, int rawSize)
    {
        if (!TryReadFixed(code, rawSize, out ReadOnlySpan<byte> raw))
        {
            throw Mismatch("primitive " + code);
        }

        return raw;
    }

    /// <summary>
    /// Reads a variable-size primitive of type <paramref name="type"/> (1 or 3 characters) in its short or long form
    /// if it comes next. Overlong forms are accepted, as the SDK does; lead bytes must be zero.
    /// </summary>
    public bool TryReadVariable(string type, out ReadOnlySpan<byte> raw)
    {
        ArgumentNullException.ThrowIfNull(type);
        raw = default;
        if (Remaining < 3)
        {
            return false;
        }

        int w = Word(_pos);
        int selector = w >> 18;
        int id;
        int size;
        int headerBytes;
        int lead;
        if (selector is >= 56 and <= 58)
        {
            id = (w >> 12) & 63;
            size = w & 0xFFF;
            headerBytes = 3;
            lead = selector - 56;
        }
        else if (selector is >= 59 and <= 61)
        {
            id = w & 0x3FFFF;
            headerBytes = 6;
            lead = selector - 59;
            if (id != CesrAlphabet.Value(type))
            {
                return false;
            }

            Need(6, "long variable-size code");
            size = Word(_pos + 3);
        }
        else
        {
            return false;
        }

        if (id != CesrAlphabet.Value(type))
        {
            return false;
        }

        long length = (long)size * 3;
        if (length < lead)
        {
            throw new CesrException(CesrError.SizeOutOfRange, _pos, $"variable-size {type} declares {lead} lead bytes in {length} bytes");
        }

        if (length > Remaining - headerBytes)
        {
            throw new CesrException(CesrError.Truncated, _pos, $"variable-size {type} declares {length} bytes, {Remaining - headerBytes} remain");
        }

        ReadOnlySpan<byte> body = _data.Slice(_pos + headerBytes, (int)length);
        for (int i = 0; i < lead; i++)
        {
            if (body[i] != 0)
            {
                throw new CesrException(CesrError.NonCanonical, _pos + headerBytes + i, "lead byte is not zero");
            }
        }

        raw = body[lead..];
        _pos += headerBytes + (int)length;
        return true;
    }

    /// <summary>Reads a variable-size primitive or throws.</summary>
    public ReadOnlySpan<byte> ReadVariable(string type)
    {
        if (!TryReadVariable(type, out ReadOnlySpan<byte> raw))
        {
            throw Mismatch("variable-size primitive of type " + type);
        }

        return raw;
    }

    /// <summary>Consumes the three bytes of the four-character code <paramref name="fourChars"/> if they come next.</summary>
    public bool TryReadTriplet(string fourChars)
    {
        if (Remaining < 3)
        {
            return false;
        }

        if (Word(_pos) != CesrAlphabet.Value(fourChars))
        {
            return false;
        }

        _pos += 3;
        return true;
    }

    /// <summary>Consumes the four-character code or throws.</summary>
    public void ReadTriplet(string fourChars)
    {
        if (!TryReadTriplet(fourChars))
        {
            throw Mismatch("code " + fourChars);
        }
    }

    /// <summary>Reads the next three bytes as a four-character code (for dispatching on TSP type codes).</summary>
    public string ReadTripletCode()
    {
        Need(3, "type code");
        string code = CesrText.ToText(_data.Slice(_pos, 3));
        _pos += 3;
        return code;
    }

    /// <summary>Reads any primitive whose code is in the built-in table (fixed) or any variable-size primitive.</summary>
    public CesrPrimitive ReadPrimitive()
    {
        int start = _pos;
        Need(1, "primitive");
        int selector = _data[_pos] >> 2;
        if (selector is >= 56 and <= 61)
        {
            Need(3, "variable-size code");
            int w = Word(_pos);
            int typeId = selector <= 58 ? (w >> 12) & 63 : w & 0x3FFFF;
            string type = CesrAlphabet.ToCode(typeId, typeId < 64 ? 1 : 3);
            ReadOnlySpan<byte> raw = ReadVariable(type);
            return new CesrPrimitive(type, raw.ToArray(), isVariable: true, _data[start.._pos].ToArray());
        }

        int codeLength = selector switch
        {
            < 52 => 1,
            52 => 2,
            53 or 54 or 55 => 4,
            _ => 0,
        };
        if (codeLength == 0)
        {
            throw new CesrException(CesrError.UnknownCode, _pos, $"selector '{CesrAlphabet.Char(selector)}' does not start a primitive");
        }

        int headerBytes = codeLength == 4 ? 3 : codeLength;
        Need(headerBytes, "primitive code");
        int header = 0;
        for (int i = 0; i < headerBytes; i++)
        {
            header = (header << 8) | _data[_pos + i];
        }

        string code = CesrAlphabet.ToCode(header >> ((headerBytes * 8) - (codeLength * 6)), codeLength);
        if (!CesrCodeTable.TryGetFixedRawSize(code, out int rawSize))
        {
            throw new CesrException(CesrError.UnknownCode, _pos, $"fixed-size code '{code}' is not in the table");
        }

        ReadOnlySpan<byte> fixedRaw = ReadFixed(code, rawSize);
        return new CesrPrimitive(code, fixedRaw.ToArray(), isVariable: false, _data[start.._pos].ToArray());
    }

    /// <summary>Consumes <paramref name="count"/> bytes.</summary>
    public ReadOnlySpan<byte> ReadBytes(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        Need(count, "bytes");
        ReadOnlySpan<byte> s = _data.Slice(_pos, count);
        _pos += count;
        return s;
    }

    /// <summary>Throws <see cref="CesrError.TrailingData"/> unless every byte has been consumed.</summary>
    public readonly void ExpectEnd()
    {
        if (!IsEnd)
        {
            throw new CesrException(CesrError.TrailingData, _pos, $"{Remaining} byte(s) after the last item");
        }
    }

    private readonly int Word(int at) => (_data[at] << 16) | (_data[at + 1] << 8) | _data[at + 2];

    private readonly void Need(int bytes, string what)
    {
        if (Remaining < bytes)
        {
            throw new CesrException(CesrError.Truncated, _pos, $"{what} needs {bytes} bytes, {Remaining} remain");
        }
    }

    private readonly CesrException Mismatch(string expected)
    {
        return Remaining < 3
            ? new CesrException(CesrError.Truncated, _pos, $"expected {expected}, {Remaining} byte(s) remain")
            : new CesrException(CesrError.UnexpectedCode, _pos, $"expected {expected}, found '{CesrText.ToText(_data.Slice(_pos, 3))}'");
    }
}
