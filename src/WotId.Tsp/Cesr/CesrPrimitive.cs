// CESR (ToIP CESR specification v1.0, "Primitives"): one decoded primitive with its qb2 and qb64 forms.
using System;

namespace WotId.Tsp.Cesr;

/// <summary>A fixed- or variable-size CESR primitive: its code, its raw bytes and its encoded forms.</summary>
public sealed class CesrPrimitive
{
    private readonly byte[] _raw;
    private readonly byte[] _qb2;

    internal CesrPrimitive(string code, byte[] raw, bool isVariable, byte[] qb2)
    {
        Code = code;
        _raw = raw;
        IsVariable = isVariable;
        _qb2 = qb2;
    }

    /// <summary>The code: the hard code of a fixed-size primitive (<c>E</c>, <c>0B</c>, <c>1QDM</c>) or the type of a variable-size one (<c>B</c>, <c>NCL</c>).</summary>
    public string Code { get; }

    /// <summary>True for a variable-size primitive.</summary>
    public bool IsVariable { get; }

    /// <summary>The raw bytes (without lead bytes).</summary>
    public ReadOnlySpan<byte> Raw => _raw;

    /// <summary>Makes a fixed-size primitive (see <see cref="CesrWriter.WriteFixed"/> for the code rules).</summary>
    public static CesrPrimitive Fixed(string code, ReadOnlySpan<byte> raw)
    {
        var w = new CesrWriter();
        w.WriteFixed(code, raw);
        return new CesrPrimitive(code, raw.ToArray(), isVariable: false, w.ToArray());
    }

    /// <summary>Makes a variable-size primitive (canonical: the short form whenever it fits).</summary>
    public static CesrPrimitive Variable(string type, ReadOnlySpan<byte> raw)
    {
        var w = new CesrWriter();
        w.WriteVariable(type, raw);
        return new CesrPrimitive(type, raw.ToArray(), isVariable: true, w.ToArray());
    }

    /// <summary>Parses exactly one primitive from binary (qb2).</summary>
    /// <exception cref="CesrException">Malformed, unknown code or trailing bytes.</exception>
    public static CesrPrimitive FromQb2(ReadOnlySpan<byte> qb2)
    {
        var r = new CesrReader(qb2);
        CesrPrimitive p = r.ReadPrimitive();
        r.ExpectEnd();
        return p;
    }

    /// <summary>Parses exactly one primitive from text (qb64).</summary>
    /// <exception cref="CesrException">Malformed, unknown code or trailing characters.</exception>
    public static CesrPrimitive FromQb64(ReadOnlySpan<char> qb64) => FromQb2(CesrText.ToBinary(qb64));

    /// <summary>The binary form as it was read (or canonically written).</summary>
    public byte[] ToQb2() => (byte[])_qb2.Clone();

    /// <summary>The text form.</summary>
    public string ToQb64() => CesrText.ToText(_qb2);

    /// <inheritdoc />
    public override string ToString() => $"{Code} ({_raw.Length} bytes)";
}
