using System;
using System.Diagnostics;
using System.Threading.Tasks;

namespace WotId.Libp2p.Tests.Relay;

/// <summary>
/// Network namespaces for DCUtR against js-libp2p: "pub" holds a bridge with 11.0.0.1 (the relay), "js" holds 11.0.0.2
/// on that bridge, and "cs" (our peer) is either on the bridge too (11.0.0.3) or behind a router "r" (11.0.0.11, iptables
/// MASQUERADE, unsolicited inbound dropped) at 10.0.1.2. js's DCUtR only uses public addresses (loopback, RFC 1918,
/// CGNAT and the RFC 5737 documentation ranges count as private in @libp2p/utils), hence 11.0.0.0/24; it exists only
/// inside these namespaces, so nothing on the machine is shadowed. Dispose deletes them. Needs root, ip and iptables.
/// </summary>
internal sealed class DcutrJsNetwork : IDisposable
{
    private const string Script = """
        set -e
        P=$1; NAT=$2
        for n in pub js cs; do ip netns add ${P}$n; ip -n ${P}$n link set lo up; done
        ip -n ${P}pub link add br0 type bridge; ip -n ${P}pub addr add 11.0.0.1/24 dev br0; ip -n ${P}pub link set br0 up
        ip link add eth0 netns ${P}js type veth peer name pjs netns ${P}pub
        ip -n ${P}pub link set pjs master br0; ip -n ${P}pub link set pjs up
        ip -n ${P}js addr add 11.0.0.2/24 dev eth0; ip -n ${P}js link set eth0 up
        if [ "$NAT" = nat ]; then
          ip netns add ${P}r; ip -n ${P}r link set lo up
          ip link add wan netns ${P}r type veth peer name pr netns ${P}pub
          ip -n ${P}pub link set pr master br0; ip -n ${P}pub link set pr up
          ip -n ${P}r addr add 11.0.0.11/24 dev wan; ip -n ${P}r link set wan up
          ip link add lan netns ${P}r type veth peer name eth0 netns ${P}cs
          ip -n ${P}r addr add 10.0.1.1/24 dev lan; ip -n ${P}r link set lan up
          ip -n ${P}cs addr add 10.0.1.2/24 dev eth0; ip -n ${P}cs link set eth0 up
          ip -n ${P}cs route add default via 10.0.1.1
          ip netns exec ${P}r sysctl -qw net.ipv4.ip_forward=1
          ip netns exec ${P}r iptables -t nat -A POSTROUTING -o wan -j MASQUERADE
          ip netns exec ${P}r iptables -P FORWARD DROP
          ip netns exec ${P}r iptables -A FORWARD -i lan -o wan -j ACCEPT
          ip netns exec ${P}r iptables -A FORWARD -i wan -o lan -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT
          ip netns exec ${P}r iptables -A INPUT -i wan -m conntrack --ctstate NEW -j DROP
        else
          ip link add eth0 netns ${P}cs type veth peer name pcs netns ${P}pub
          ip -n ${P}pub link set pcs master br0; ip -n ${P}pub link set pcs up
          ip -n ${P}cs addr add 11.0.0.3/24 dev eth0; ip -n ${P}cs link set eth0 up
        fi
        """;

    private readonly string _prefix;

    private DcutrJsNetwork(string prefix)
    {
        _prefix = prefix;
    }

    /// <summary>The relay's namespace (11.0.0.1).</summary>
    public string Pub => _prefix + "pub";

    /// <summary>The js peer's namespace (11.0.0.2).</summary>
    public string Js => _prefix + "js";

    /// <summary>Our peer's namespace (11.0.0.3, or 10.0.1.2 behind the NAT at 11.0.0.11).</summary>
    public string Cs => _prefix + "cs";

    /// <summary>Why the namespaces cannot be built here, or null.</summary>
    public static string? Unavailable() => NatNamespace.Unavailable();

    /// <summary>Builds the namespaces; <paramref name="natted"/> puts our peer behind the MASQUERADE router.</summary>
    public static async Task<DcutrJsNetwork> CreateAsync(string prefix, bool natted)
    {
        var net = new DcutrJsNetwork(prefix);
        var psi = new ProcessStartInfo("sh", ["-c", Script, "dcutr", prefix, natted ? "nat" : "public"])
        {
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using Process p = Process.Start(psi) ?? throw new InvalidOperationException("could not start sh");
        string stderr = await p.StandardError.ReadToEndAsync();
        await p.WaitForExitAsync();
        if (p.ExitCode != 0)
        {
            net.Dispose();
            throw new InvalidOperationException("namespace setup failed: " + stderr);
        }

        return net;
    }

    public void Dispose()
    {
        foreach (string n in new[] { "pub", "js", "cs", "r" })
        {
            using var p = Process.Start(new ProcessStartInfo("ip", ["netns", "del", _prefix + n]) { RedirectStandardError = true, UseShellExecute = false });
            p?.WaitForExit();
        }
    }
}
