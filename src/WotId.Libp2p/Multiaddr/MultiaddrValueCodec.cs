// multiformats/multiaddr: text ↔ binary conversion of component values (ip4, ip6, ports, names, peer ids,
// multibase certhashes). Every failure is a MultiaddrFormatException.
using System;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using WotId.Core.Encoding;
using WotId.Libp2p.Peer;

namespace WotId.Libp2p.Multiaddr;

/// <summary>Value conversions per <see cref="MultiaddrValueKind"/>.</summary>
internal static class MultiaddrValueCodec
{
    private static readonly UTF8Encoding s_strictUtf8 = new(false, true);

    public static byte[] TextToBytes(MultiaddrProtocol protocol, string text)
    {
        switch (protocol.Kind)
        {
            case MultiaddrValueKind.Ip4:
                return ParseIp4(text);
            case MultiaddrValueKind.Ip6:
                if (text.Contains('%', StringComparison.Ordinal) || !IPAddress.TryParse(text, out IPAddress? ip6) || ip6.AddressFamily != AddressFamily.InterNetworkV6)
                {
                    throw Invalid(protocol, "not an IPv6 address");
                }

                return ip6.GetAddressBytes();
            case MultiaddrValueKind.Port:
                if (text.Length is 0 or > 5 || !IsDigits(text) || !ushort.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out ushort port))
                {
                    throw Invalid(protocol, "not a port number");
                }

                return [(byte)(port >> 8), (byte)port];
            case MultiaddrValueKind.Text:
            case MultiaddrValueKind.Path:
                if (text.Length == 0)
                {
                    throw Invalid(protocol, "empty value");
                }

                return Encoding.UTF8.GetBytes(text);
            case MultiaddrValueKind.PeerId:
                try
                {
                    return PeerId.Parse(text).Bytes.ToArray();
                }
                catch (PeerIdFormatException e)
                {
                    throw new MultiaddrFormatException(MultiaddrError.InvalidValue, "/p2p value is not a peer id: " + e.Message);
                }

            case MultiaddrValueKind.Multibase:
                try
                {
                    byte[] mh = Multibase.Decode(text);
                    CheckMultihash(protocol, mh);
                    return mh;
                }
                catch (FormatException e) when (e is not MultiaddrFormatException)
                {
                    throw Invalid(protocol, "not multibase");
                }

            default:
                throw Invalid(protocol, "takes no value");
        }
    }

    public static string BytesToText(MultiaddrProtocol protocol, ReadOnlySpan<byte> value)
    {
        switch (protocol.Kind)
        {
            case MultiaddrValueKind.Ip4:
                return string.Create(CultureInfo.InvariantCulture, $"{value[0]}.{value[1]}.{value[2]}.{value[3]}");
            case MultiaddrValueKind.Ip6:
                return new IPAddress(value).ToString();
            case MultiaddrValueKind.Port:
                return ((value[0] << 8) | value[1]).ToString(CultureInfo.InvariantCulture);
            case MultiaddrValueKind.Text:
            case MultiaddrValueKind.Path:
                string s = DecodeUtf8(protocol, value);
                if (s.Length == 0 || (protocol.Kind == MultiaddrValueKind.Text && s.Contains('/', StringComparison.Ordinal)))
                {
                    throw Invalid(protocol, "empty value or value containing '/'");
                }

                if (protocol.Kind == MultiaddrValueKind.Path && s[^1] == '/')
                {
                    // The text form drops one trailing '/' (as "/ip4/1.2.3.4/" is accepted), so such a path could not
                    // round-trip between the two forms.
                    throw Invalid(protocol, "path ending in '/'");
                }

                return s;
            case MultiaddrValueKind.PeerId:
                try
                {
                    return PeerId.FromBytes(value).ToString();
                }
                catch (PeerIdFormatException e)
                {
                    throw new MultiaddrFormatException(MultiaddrError.InvalidValue, "/p2p value is not a peer id: " + e.Message);
                }

            case MultiaddrValueKind.Multibase:
                CheckMultihash(protocol, value);
                return Multibase.Encode(MultibaseEncoding.Base64Url, value);
            default:
                return string.Empty;
        }
    }

    private static void CheckMultihash(MultiaddrProtocol protocol, ReadOnlySpan<byte> value)
    {
        try
        {
            Multihash.Decode(value);
        }
        catch (FormatException)
        {
            throw Invalid(protocol, "not a multihash");
        }
    }

    private static string DecodeUtf8(MultiaddrProtocol protocol, ReadOnlySpan<byte> value)
    {
        try
        {
            return s_strictUtf8.GetString(value);
        }
        catch (ArgumentException)
        {
            throw Invalid(protocol, "not UTF-8");
        }
    }

    private static byte[] ParseIp4(string text)
    {
        var result = new byte[4];
        int part = 0;
        foreach (Range r in text.AsSpan().Split('.'))
        {
            ReadOnlySpan<char> p = text.AsSpan()[r];
            if (part >= 4 || p.Length is 0 or > 3 || !IsDigits(p) || (p.Length > 1 && p[0] == '0')
                || !byte.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out result[part]))
            {
                throw new MultiaddrFormatException(MultiaddrError.InvalidValue, "/ip4 value is not a dotted-quad address");
            }

            part++;
        }

        if (part != 4)
        {
            throw new MultiaddrFormatException(MultiaddrError.InvalidValue, "/ip4 value is not a dotted-quad address");
        }

        return result;
    }

    private static bool IsDigits(ReadOnlySpan<char> s)
    {
        foreach (char c in s)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }
        }

        return true;
    }

    private static MultiaddrFormatException Invalid(MultiaddrProtocol protocol, string what) =>
        new(MultiaddrError.InvalidValue, "/" + protocol.Name + " value: " + what);
}
