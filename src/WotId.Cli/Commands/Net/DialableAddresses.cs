// A listener bound to the unspecified address (/ip4/0.0.0.0, /ip6/::) accepts on every interface, but nobody can
// dial 0.0.0.0: like go-libp2p's manet.ResolveUnspecifiedAddresses, `net listen` prints one address per interface
// address instead (NetworkInterface.GetAllNetworkInterfaces, interfaces that are up; IPv6 link-local addresses are
// left out because they need a zone to be dialled).
using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using WotId.Libp2p.Multiaddr;

namespace WotId.Cli.Commands.Net;

/// <summary>Replaces unspecified listen addresses by the machine's interface addresses.</summary>
internal static class DialableAddresses
{
    private const string AnyIPv4 = "/ip4/0.0.0.0/";
    private const string AnyIPv6 = "/ip6/::/";

    /// <summary>The machine's addresses on interfaces that are up.</summary>
    public static IReadOnlyList<IPAddress> LocalAddresses() =>
        NetworkInterface.GetAllNetworkInterfaces()
            .Where(n => n.OperationalStatus == OperationalStatus.Up)
            .SelectMany(n => n.GetIPProperties().UnicastAddresses)
            .Select(u => u.Address)
            .ToList();

    /// <summary>Each address of <paramref name="listening"/>, with unspecified IPs expanded to <paramref name="local"/>.</summary>
    public static IReadOnlyList<Multiaddress> Expand(IEnumerable<Multiaddress> listening, IReadOnlyList<IPAddress> local)
    {
        var result = new List<Multiaddress>();
        foreach (Multiaddress address in listening)
        {
            string text = address.ToString();
            if (text.StartsWith(AnyIPv4, StringComparison.Ordinal))
            {
                result.AddRange(local.Where(ip => ip.AddressFamily == AddressFamily.InterNetwork)
                    .Select(ip => Multiaddress.Parse("/ip4/" + ip + "/" + text[AnyIPv4.Length..])));
            }
            else if (text.StartsWith(AnyIPv6, StringComparison.Ordinal))
            {
                result.AddRange(local.Where(ip => ip.AddressFamily == AddressFamily.InterNetworkV6 && !ip.IsIPv6LinkLocal && ip.ScopeId == 0)
                    .Select(ip => Multiaddress.Parse("/ip6/" + ip + "/" + text[AnyIPv6.Length..])));
            }
            else
            {
                result.Add(address);
            }
        }

        return result;
    }
}
