using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Threading.Tasks;

namespace WotId.Libp2p.Tests.Relay;

/// <summary>
/// A private network made of Linux network namespaces (needs root, <c>ip</c> and <c>iptables</c>): "pub" holds the
/// public segment 203.0.113.0/24 on a bridge (the relay listens on 203.0.113.1); two routers r1, r2 (203.0.113.11
/// and .12) each NAT a home network 10.0.N.0/24 with one host hN at 10.0.N.2 (iptables MASQUERADE, optionally
/// --random-fully for a symmetric NAT). Routers drop unsolicited inbound packets, as home routers do. Every address
/// exists only inside the namespaces; Dispose deletes them (and with them every interface and rule).
/// </summary>
internal sealed class NatNamespace : IDisposable
{
    private const string Script = """
        set -e
        P=$1; R=$2
        for n in pub r1 r2 h1 h2; do ip netns add ${P}$n; ip -n ${P}$n link set lo up; done
        ip -n ${P}pub link add br0 type bridge; ip -n ${P}pub addr add 203.0.113.1/24 dev br0; ip -n ${P}pub link set br0 up
        for i in 1 2; do
          ip link add wan$i netns ${P}r$i type veth peer name p$i netns ${P}pub
          ip -n ${P}pub link set p$i master br0; ip -n ${P}pub link set p$i up
          ip -n ${P}r$i addr add 203.0.113.1$i/24 dev wan$i; ip -n ${P}r$i link set wan$i up
          ip link add lan netns ${P}r$i type veth peer name eth0 netns ${P}h$i
          ip -n ${P}r$i addr add 10.0.$i.1/24 dev lan; ip -n ${P}r$i link set lan up
          ip -n ${P}h$i addr add 10.0.$i.2/24 dev eth0; ip -n ${P}h$i link set eth0 up
          ip -n ${P}h$i route add default via 10.0.$i.1
          ip netns exec ${P}r$i sysctl -qw net.ipv4.ip_forward=1
          ip netns exec ${P}r$i iptables -t nat -A POSTROUTING -o wan$i -j MASQUERADE $R
          ip netns exec ${P}r$i iptables -P FORWARD DROP
          ip netns exec ${P}r$i iptables -A FORWARD -i lan -o wan$i -j ACCEPT
          ip netns exec ${P}r$i iptables -A FORWARD -i wan$i -o lan -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT
          ip netns exec ${P}r$i iptables -A INPUT -i wan$i -m conntrack --ctstate NEW -j DROP
        done
        """;

    private static readonly string[] s_names = ["pub", "r1", "r2", "h1", "h2"];

    private NatNamespace(string prefix)
    {
        Prefix = prefix;
    }

    public string Prefix { get; }

    /// <summary>Why the namespaces cannot be built here, or null when they can.</summary>
    public static string? Unavailable()
    {
        if (!OperatingSystem.IsLinux())
        {
            return "network namespaces need Linux";
        }

        if (Environment.UserName != "root")
        {
            return "network namespaces and iptables need root (run the tests as root, as CI does)";
        }

        foreach (string tool in new[] { "/usr/sbin/ip", "/usr/sbin/iptables" })
        {
            if (!File.Exists(tool) && !File.Exists(tool.Replace("/usr/sbin/", "/sbin/", StringComparison.Ordinal)))
            {
                return Path.GetFileName(tool) + " is not installed (apt-get install -y iproute2 iptables)";
            }
        }

        return null;
    }

    /// <summary>Builds the namespaces; <paramref name="symmetric"/> makes both NATs pick random ports.</summary>
    public static async Task<NatNamespace> CreateAsync(string prefix, bool symmetric)
    {
        var net = new NatNamespace(prefix);
        try
        {
            await RunAsync("sh", "-c", Script, "nat", prefix, symmetric ? "--random-fully" : string.Empty);
            return net;
        }
        catch
        {
            net.Dispose();
            throw;
        }
    }

    /// <summary>The namespace of "pub", "r1", "r2", "h1" or "h2".</summary>
    public string Name(string node) => Prefix + node;

    public void Dispose()
    {
        foreach (string n in s_names)
        {
            using var p = Process.Start(new ProcessStartInfo("ip", ["netns", "del", Prefix + n]) { RedirectStandardError = true, UseShellExecute = false });
            p?.WaitForExit();
        }
    }

    private static async Task RunAsync(string file, params string[] args)
    {
        var psi = new ProcessStartInfo(file, args) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        using Process p = Process.Start(psi) ?? throw new InvalidOperationException("could not start " + file);
        string stderr = await p.StandardError.ReadToEndAsync();
        await p.WaitForExitAsync();
        if (p.ExitCode != 0)
        {
            throw new InvalidOperationException("namespace setup failed: " + stderr);
        }
    }
}
