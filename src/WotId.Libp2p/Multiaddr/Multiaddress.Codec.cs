// multiformats/multiaddr README, "Encoding": binary and text codecs of Multiaddress with explicit bounds.
using System;
using System.Buffers;
using System.Collections.Generic;
using System.Globalization;
using WotId.Core.Encoding;

namespace WotId.Libp2p.Multiaddr;

/// <content>Parsing and encoding.</content>
public sealed partial class Multiaddress
{
    /// <summary>Parses the text form (<c>/ip4/127.0.0.1/tcp/4001/p2p/12D3KooW…</c>).</summary>
    /// <exception cref="MultiaddrFormatException">Malformed text.</exception>
    public static Multiaddress Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length == 0)
        {
            throw new MultiaddrFormatException(MultiaddrError.Empty, "empty multiaddr");
        }

        if (text.Length > MaxTextLength)
        {
            throw new MultiaddrFormatException(MultiaddrError.TooLong, "multiaddr text too long");
        }

        if (text[0] != '/')
        {
            throw new MultiaddrFormatException(MultiaddrError.InvalidSyntax, "multiaddr must start with '/'");
        }

        string body = text.Length > 1 && text[^1] == '/' ? text[1..^1] : text[1..];
        string[] parts = body.Split('/');
        var writer = new ArrayBufferWriter<byte>(64);
        for (int i = 0; i < parts.Length; i++)
        {
            string name = parts[i];
            if (name.Length == 0)
            {
                throw new MultiaddrFormatException(MultiaddrError.InvalidSyntax, "empty component name");
            }

            MultiaddrProtocol? protocol = MultiaddrProtocol.FromName(name);
            if (protocol is null)
            {
                i = WriteOpaque(writer, parts, i);
                continue;
            }

            WriteVarint(writer, (ulong)protocol.Code);
            if (!protocol.HasValue)
            {
                continue;
            }

            if (i + 1 >= parts.Length)
            {
                throw new MultiaddrFormatException(MultiaddrError.MissingValue, "/" + name + " needs a value");
            }

            string valueText = protocol.Kind == MultiaddrValueKind.Path ? string.Join('/', parts, i + 1, parts.Length - i - 1) : parts[i + 1];
            i = protocol.Kind == MultiaddrValueKind.Path ? parts.Length : i + 1;
            byte[] value = MultiaddrValueCodec.TextToBytes(protocol, valueText);
            if (protocol.FixedSize < 0)
            {
                WriteVarint(writer, (ulong)value.Length);
            }

            writer.Write(value);
            CheckLength(writer.WrittenCount);
        }

        return FromBytes(writer.WrittenSpan);
    }

    /// <summary>Like <see cref="Parse"/> but returns false instead of throwing.</summary>
    public static bool TryParse(string? text, out Multiaddress? address)
    {
        address = null;
        if (text is null)
        {
            return false;
        }

        try
        {
            address = Parse(text);
            return true;
        }
        catch (MultiaddrFormatException)
        {
            return false;
        }
    }

    /// <summary>Decodes the binary form. Unknown protocol codes take the rest of the bytes as an opaque value.</summary>
    /// <exception cref="MultiaddrFormatException">Malformed bytes.</exception>
    public static Multiaddress FromBytes(ReadOnlySpan<byte> bytes)
    {
        if (bytes.IsEmpty)
        {
            throw new MultiaddrFormatException(MultiaddrError.Empty, "empty multiaddr");
        }

        CheckLength(bytes.Length);
        var components = new List<MultiaddrComponent>(4);
        int pos = 0;
        while (pos < bytes.Length)
        {
            ulong code = ReadVarint(bytes, ref pos);
            MultiaddrProtocol? protocol = MultiaddrProtocol.FromCode(code);
            if (protocol is null)
            {
                if (code > int.MaxValue)
                {
                    throw new MultiaddrFormatException(MultiaddrError.InvalidVarint, "protocol code out of range");
                }

                byte[] rest = bytes[pos..].ToArray();
                string name = code.ToString(CultureInfo.InvariantCulture);
                components.Add(new MultiaddrComponent((int)code, name, rest, rest.Length == 0 ? null : Hex.Encode(rest)));
                break;
            }

            int size = protocol.FixedSize;
            if (size < 0)
            {
                ulong length = ReadVarint(bytes, ref pos);
                if (length == 0)
                {
                    throw new MultiaddrFormatException(MultiaddrError.InvalidValue, "/" + protocol.Name + " has an empty value");
                }

                size = length > (ulong)(bytes.Length - pos) ? int.MaxValue : (int)length;
            }

            if (size > bytes.Length - pos)
            {
                throw new MultiaddrFormatException(MultiaddrError.Truncated, "multiaddr ends inside /" + protocol.Name);
            }

            ReadOnlySpan<byte> value = bytes.Slice(pos, size);
            pos += size;
            string? text = protocol.HasValue ? MultiaddrValueCodec.BytesToText(protocol, value) : null;
            components.Add(new MultiaddrComponent(protocol.Code, protocol.Name, value.ToArray(), text));
            if (protocol.Kind == MultiaddrValueKind.Path && pos < bytes.Length)
            {
                // In the text form a path (/unix) takes the rest of the address, so anything after it could not
                // round-trip; the same rule as for an unknown protocol.
                throw new MultiaddrFormatException(MultiaddrError.InvalidSyntax, "/" + protocol.Name + " must be the last component");
            }
        }

        return new Multiaddress(bytes.ToArray(), components.ToArray());
    }

    private static int WriteOpaque(ArrayBufferWriter<byte> writer, string[] parts, int i)
    {
        string name = parts[i];
        if (!ulong.TryParse(name, NumberStyles.None, CultureInfo.InvariantCulture, out ulong code) || code > int.MaxValue
            || name.Length > 10 || (name.Length > 1 && name[0] == '0'))
        {
            throw new MultiaddrFormatException(MultiaddrError.UnknownProtocol, "unknown protocol /" + (name.Length > 32 ? name[..32] : name));
        }

        WriteVarint(writer, code);
        if (i + 1 < parts.Length)
        {
            if (i + 2 < parts.Length)
            {
                throw new MultiaddrFormatException(MultiaddrError.InvalidSyntax, "an unknown protocol must be the last component");
            }

            try
            {
                writer.Write(Hex.Decode(parts[i + 1]));
            }
            catch (FormatException)
            {
                throw new MultiaddrFormatException(MultiaddrError.InvalidValue, "opaque value must be hex");
            }
        }

        CheckLength(writer.WrittenCount);
        return parts.Length;
    }

    private static void WriteComponent(ArrayBufferWriter<byte> writer, MultiaddrComponent component)
    {
        WriteVarint(writer, (ulong)component.Code);
        MultiaddrProtocol? protocol = MultiaddrProtocol.FromCode((ulong)component.Code);
        if (protocol is not null && protocol.FixedSize < 0)
        {
            WriteVarint(writer, (ulong)component.RawValue.Length);
        }

        writer.Write(component.RawValue.Span);
    }

    private static ulong ReadVarint(ReadOnlySpan<byte> bytes, ref int pos)
    {
        OperationStatus status = Varint.TryRead(bytes[pos..], out ulong value, out int consumed);
        if (status == OperationStatus.NeedMoreData)
        {
            throw new MultiaddrFormatException(MultiaddrError.Truncated, "multiaddr ends inside a varint");
        }

        if (status != OperationStatus.Done)
        {
            throw new MultiaddrFormatException(MultiaddrError.InvalidVarint, "malformed varint in multiaddr");
        }

        pos += consumed;
        return value;
    }

    private static void WriteVarint(ArrayBufferWriter<byte> writer, ulong value)
    {
        writer.Advance(Varint.Write(value, writer.GetSpan(Varint.MaxLength)));
    }

    private static void CheckLength(int length)
    {
        if (length > MaxBinaryLength)
        {
            throw new MultiaddrFormatException(MultiaddrError.TooLong, "multiaddr longer than " + MaxBinaryLength + " bytes");
        }
    }
}
