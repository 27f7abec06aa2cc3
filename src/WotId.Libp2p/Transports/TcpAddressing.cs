// libp2p/specs addressing/README.md: TCP addresses are /ip4|ip6|dns|dns4|dns6/HOST/tcp/PORT, optionally followed by
// more components (e.g. /ws, /p2p/ID); this helper resolves and formats them.
using System;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using WotId.Libp2p.Multiaddr;

namespace WotId.Libp2p.Transports;

/// <summary>Multiaddr ↔ IP endpoint conversions for TCP-based transports.</summary>
internal static class TcpAddressing
{
    /// <summary>
    /// True when <paramref name="address"/> is HOST/tcp/PORT followed exactly by <paramref name="suffixCodes"/> and
    /// optionally a final /p2p.
    /// </summary>
    public static bool Matches(Multiaddress address, params int[] suffixCodes)
    {
        var c = address.Components;
        if (c.Count < 2 || !IsHost(c[0].Code) || c[1].Code != MultiaddrCodes.Tcp)
        {
            return false;
        }

        int rest = c.Count - 2;
        if (rest > 0 && c[^1].Code == MultiaddrCodes.P2p)
        {
            rest--;
        }

        if (rest != suffixCodes.Length)
        {
            return false;
        }

        for (int i = 0; i < suffixCodes.Length; i++)
        {
            if (c[2 + i].Code != suffixCodes[i])
            {
                return false;
            }
        }

        return true;
    }

    public static async Task<IPEndPoint> ResolveAsync(Multiaddress address, CancellationToken cancellationToken)
    {
        if (address.TryGetTcpEndPoint(out IPEndPoint? ep) && ep is not null)
        {
            return ep;
        }

        MultiaddrComponent host = address.Components[0];
        ReadOnlySpan<byte> portBytes = address.Components[1].RawValue.Span;
        int port = (portBytes[0] << 8) | portBytes[1];
        AddressFamily family = host.Code switch
        {
            MultiaddrCodes.Dns4 => AddressFamily.InterNetwork,
            MultiaddrCodes.Dns6 => AddressFamily.InterNetworkV6,
            _ => AddressFamily.Unspecified,
        };
        IPAddress[] ips;
        try
        {
            ips = await Dns.GetHostAddressesAsync(host.Value!, family, cancellationToken).ConfigureAwait(false);
        }
        catch (SocketException e)
        {
            throw new TransportException(TransportError.ResolveFailed, "could not resolve " + host.Value, e);
        }

        IPAddress? ip = ips.FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork) ?? ips.FirstOrDefault();
        return ip is null
            ? throw new TransportException(TransportError.ResolveFailed, "no address for " + host.Value)
            : new IPEndPoint(ip, port);
    }

    public static Multiaddress ToMultiaddress(EndPoint? endPoint, string suffix = "")
    {
        if (endPoint is not IPEndPoint ip)
        {
            throw new TransportException(TransportError.ConnectFailed, "socket has no IP endpoint");
        }

        IPAddress a = ip.Address.IsIPv4MappedToIPv6 ? ip.Address.MapToIPv4() : ip.Address;
        string proto = a.AddressFamily == AddressFamily.InterNetwork ? "ip4" : "ip6";
        if (a.AddressFamily == AddressFamily.InterNetworkV6 && a.ScopeId != 0)
        {
            a = new IPAddress(a.GetAddressBytes());
        }

        return Multiaddress.Parse(string.Create(CultureInfo.InvariantCulture, $"/{proto}/{a}/tcp/{ip.Port}{suffix}"));
    }

    private static bool IsHost(int code) =>
        code is MultiaddrCodes.Ip4 or MultiaddrCodes.Ip6 or MultiaddrCodes.Dns or MultiaddrCodes.Dns4 or MultiaddrCodes.Dns6;
}
