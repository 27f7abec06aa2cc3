// Which IP addresses count as public for AutoNAT (libp2p/specs autonat/autonat-v2.md: "Client SHOULD NOT send any
// private address as defined in RFC 1918 ... The Server SHOULD NOT dial any private address"). Like js-libp2p's
// @libp2p/utils private-ip.js, loopback, link-local, CGNAT (RFC 6598), the RFC 5737 documentation networks and
// other special-purpose IPv4 blocks count as private too; for IPv6 only global unicast (2000::/3) is public.
using System.Net;
using System.Net.Sockets;
using WotId.Libp2p.Multiaddr;

namespace WotId.Libp2p.Protocols.AutoNat;

internal static class AddressClass
{
    private static readonly (uint Net, int Bits)[] s_private4 =
    [
        (0x00000000, 8), (0x0A000000, 8), (0x64400000, 10), (0x7F000000, 8), (0xA9FE0000, 16), (0xAC100000, 12),
        (0xC0000000, 24), (0xC0000200, 24), (0xC0586300, 24), (0xC0A80000, 16), (0xC6120000, 15), (0xC6336400, 24),
        (0xCB007100, 24), (0xE0000000, 4), (0xF0000000, 4),
    ];

    /// <summary>The IP of the first component, or null (DNS names, circuits, other protocols).</summary>
    public static IPAddress? IpOf(Multiaddress address)
    {
        MultiaddrComponent first = address.Components[0];
        return first.Code is MultiaddrCodes.Ip4 or MultiaddrCodes.Ip6 ? new IPAddress(first.RawValue.Span) : null;
    }

    /// <summary>True when <paramref name="ip"/> is a public unicast address.</summary>
    public static bool IsPublic(IPAddress ip)
    {
        if (ip.IsIPv4MappedToIPv6)
        {
            ip = ip.MapToIPv4();
        }

        if (ip.AddressFamily == AddressFamily.InterNetwork)
        {
            byte[] b = ip.GetAddressBytes();
            uint v = (uint)(b[0] << 24 | b[1] << 16 | b[2] << 8 | b[3]);
            foreach ((uint net, int bits) in s_private4)
            {
                if ((v & (uint.MaxValue << (32 - bits))) == net)
                {
                    return false;
                }
            }

            return true;
        }

        // 2000::/3 global unicast, minus the documentation prefix 2001:db8::/32.
        byte[] a = ip.GetAddressBytes();
        return (a[0] & 0xE0) == 0x20 && !(a[0] == 0x20 && a[1] == 0x01 && a[2] == 0x0D && a[3] == 0xB8);
    }
}
