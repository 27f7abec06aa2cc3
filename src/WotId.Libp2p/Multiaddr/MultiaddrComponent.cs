// multiformats/multiaddr README: one "/name/value" component = varint(code) then the value bytes.
using System;

namespace WotId.Libp2p.Multiaddr;

/// <summary>One component of a <see cref="Multiaddress"/>: a protocol code and its value.</summary>
public sealed class MultiaddrComponent
{
    internal MultiaddrComponent(int code, string name, byte[] rawValue, string? value)
    {
        Code = code;
        Name = name;
        RawValue = rawValue;
        Value = value;
    }

    /// <summary>The protocol code (see <see cref="MultiaddrCodes"/>).</summary>
    public int Code { get; }

    /// <summary>The protocol name (<c>ip4</c>, <c>tcp</c>...); the decimal code for unknown protocols.</summary>
    public string Name { get; }

    /// <summary>The value in binary form (without its length prefix); empty for valueless protocols.</summary>
    public ReadOnlyMemory<byte> RawValue { get; }

    /// <summary>The value in text form, or null for valueless protocols.</summary>
    public string? Value { get; }

    /// <summary>True for a code this implementation does not know (kept as opaque bytes).</summary>
    public bool IsUnknown => MultiaddrProtocol.FromCode((ulong)Code) is null;

    /// <inheritdoc />
    public override string ToString() => Value is null ? "/" + Name : "/" + Name + "/" + Value;
}
