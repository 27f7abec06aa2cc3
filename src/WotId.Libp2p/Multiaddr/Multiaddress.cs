// multiformats/multiaddr README and libp2p/specs addressing/README.md: self-describing network addresses,
// binary form = concatenated components (varint code, then the value), text form = "/name/value" components.
using System;
using System.Collections.Generic;
using System.Net;
using WotId.Libp2p.Peer;

namespace WotId.Libp2p.Multiaddr;

/// <summary>An immutable, validated multiaddr.</summary>
public sealed partial class Multiaddress : IEquatable<Multiaddress>
{
    /// <summary>Longest binary form accepted.</summary>
    public const int MaxBinaryLength = 1024;

    /// <summary>Longest text form accepted.</summary>
    public const int MaxTextLength = 4096;

    private readonly byte[] _bytes;
    private readonly MultiaddrComponent[] _components;
    private string? _text;

    private Multiaddress(byte[] bytes, MultiaddrComponent[] components)
    {
        _bytes = bytes;
        _components = components;
    }

    /// <summary>The components in order.</summary>
    public IReadOnlyList<MultiaddrComponent> Components => _components;

    /// <summary>The peer id of the last <c>/p2p</c> component, or null.</summary>
    public PeerId? PeerId
    {
        get
        {
            for (int i = _components.Length - 1; i >= 0; i--)
            {
                if (_components[i].Code == MultiaddrCodes.P2p)
                {
                    return Peer.PeerId.FromBytes(_components[i].RawValue.Span);
                }
            }

            return null;
        }
    }

    /// <summary>The binary form.</summary>
    public byte[] ToBytes() => (byte[])_bytes.Clone();

    /// <summary>The canonical text form.</summary>
    public override string ToString()
    {
        if (_text is null)
        {
            var sb = new System.Text.StringBuilder();
            foreach (MultiaddrComponent c in _components)
            {
                sb.Append(c.ToString());
            }

            _text = sb.ToString();
        }

        return _text;
    }

    /// <summary>True when the address starts with <c>/ip4/A/tcp/P</c> or <c>/ip6/A/tcp/P</c>.</summary>
    public bool TryGetTcpEndPoint(out IPEndPoint? endPoint)
    {
        endPoint = null;
        if (_components.Length < 2 || _components[1].Code != MultiaddrCodes.Tcp
            || (_components[0].Code != MultiaddrCodes.Ip4 && _components[0].Code != MultiaddrCodes.Ip6))
        {
            return false;
        }

        ReadOnlySpan<byte> port = _components[1].RawValue.Span;
        endPoint = new IPEndPoint(new IPAddress(_components[0].RawValue.Span), (port[0] << 8) | port[1]);
        return true;
    }

    /// <summary>True when some component has protocol <paramref name="code"/>.</summary>
    public bool Contains(int code) => Array.Exists(_components, c => c.Code == code);

    /// <summary>This address followed by <paramref name="inner"/>.</summary>
    public Multiaddress Encapsulate(Multiaddress inner)
    {
        ArgumentNullException.ThrowIfNull(inner);
        var bytes = new byte[_bytes.Length + inner._bytes.Length];
        _bytes.CopyTo(bytes, 0);
        inner._bytes.CopyTo(bytes, _bytes.Length);
        return FromBytes(bytes);
    }

    /// <summary>This address followed by the parsed <paramref name="inner"/> text.</summary>
    public Multiaddress Encapsulate(string inner) => Encapsulate(Parse(inner));

    /// <summary>
    /// Removes the last occurrence of <paramref name="suffix"/>'s components and everything after it; returns this
    /// address unchanged when it does not occur.
    /// </summary>
    public Multiaddress Decapsulate(Multiaddress suffix)
    {
        ArgumentNullException.ThrowIfNull(suffix);
        int k = suffix._components.Length;
        for (int start = _components.Length - k; start >= 0 && k > 0; start--)
        {
            bool match = true;
            for (int j = 0; j < k && match; j++)
            {
                MultiaddrComponent a = _components[start + j];
                MultiaddrComponent b = suffix._components[j];
                match = a.Code == b.Code && a.RawValue.Span.SequenceEqual(b.RawValue.Span);
            }

            if (match)
            {
                return Prefix(start);
            }
        }

        return this;
    }

    /// <summary>Parses <paramref name="suffix"/> and decapsulates it.</summary>
    public Multiaddress Decapsulate(string suffix) => Decapsulate(Parse(suffix));

    /// <summary>Removes the last component with protocol <paramref name="code"/> and everything after it.</summary>
    public Multiaddress DecapsulateCode(int code)
    {
        for (int i = _components.Length - 1; i >= 0; i--)
        {
            if (_components[i].Code == code)
            {
                return Prefix(i);
            }
        }

        return this;
    }

    /// <inheritdoc />
    public bool Equals(Multiaddress? other) => other is not null && _bytes.AsSpan().SequenceEqual(other._bytes);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as Multiaddress);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.AddBytes(_bytes);
        return hash.ToHashCode();
    }

    /// <summary>Value equality.</summary>
    public static bool operator ==(Multiaddress? left, Multiaddress? right) => left is null ? right is null : left.Equals(right);

    /// <summary>Value inequality.</summary>
    public static bool operator !=(Multiaddress? left, Multiaddress? right) => !(left == right);

    private Multiaddress Prefix(int componentCount)
    {
        if (componentCount == 0)
        {
            throw new InvalidOperationException("decapsulating would leave an empty multiaddr");
        }

        var components = new List<MultiaddrComponent>(componentCount);
        var writer = new System.Buffers.ArrayBufferWriter<byte>();
        for (int i = 0; i < componentCount; i++)
        {
            WriteComponent(writer, _components[i]);
            components.Add(_components[i]);
        }

        return new Multiaddress(writer.WrittenSpan.ToArray(), components.ToArray());
    }
}
