using System;
using System.Diagnostics;
using System.Threading.Tasks;
using WotId.Libp2p.Tests.Relay;

namespace WotId.Libp2p.Tests.AutoNat;

/// <summary>
/// Two network namespaces joined by a veth pair on 11.0.0.0/24: "a" holds 11.0.0.1 and 11.0.0.3, "b" holds 11.0.0.2.
/// js-libp2p's AutoNAT v2 only tests and dials public addresses (loopback, RFC 1918, CGNAT and even the RFC 5737
/// documentation ranges count as private for it), so the interop peers need addresses outside those ranges; these
/// exist only inside the two namespaces, so they shadow nothing on the machine. Dispose deletes both namespaces.
/// Needs root and <c>ip</c>.
/// </summary>
internal sealed class PublicNamespacePair : IDisposable
{
    private const string Script = """
        set -e
        P=$1
        ip netns add ${P}a; ip netns add ${P}b
        ip -n ${P}a link set lo up; ip -n ${P}b link set lo up
        ip link add eth0 netns ${P}a type veth peer name eth0 netns ${P}b
        ip -n ${P}a addr add 11.0.0.1/24 dev eth0; ip -n ${P}a addr add 11.0.0.3/24 dev eth0
        ip -n ${P}b addr add 11.0.0.2/24 dev eth0
        ip -n ${P}a link set eth0 up; ip -n ${P}b link set eth0 up
        """;

    private PublicNamespacePair(string prefix)
    {
        A = prefix + "a";
        B = prefix + "b";
    }

    /// <summary>The namespace holding 11.0.0.1 and 11.0.0.3.</summary>
    public string A { get; }

    /// <summary>The namespace holding 11.0.0.2.</summary>
    public string B { get; }

    /// <summary>Why the namespaces cannot be built here, or null.</summary>
    public static string? Unavailable() => NatNamespace.Unavailable();

    public static async Task<PublicNamespacePair> CreateAsync(string prefix)
    {
        var pair = new PublicNamespacePair(prefix);
        var psi = new ProcessStartInfo("sh", ["-c", Script, "pair", prefix]) { RedirectStandardError = true, UseShellExecute = false };
        using Process p = Process.Start(psi) ?? throw new InvalidOperationException("could not start sh");
        string stderr = await p.StandardError.ReadToEndAsync();
        await p.WaitForExitAsync();
        if (p.ExitCode != 0)
        {
            pair.Dispose();
            throw new InvalidOperationException("namespace setup failed: " + stderr);
        }

        return pair;
    }

    public void Dispose()
    {
        foreach (string n in new[] { A, B })
        {
            using var p = Process.Start(new ProcessStartInfo("ip", ["netns", "del", n]) { RedirectStandardError = true, UseShellExecute = false });
            p?.WaitForExit();
        }
    }
}
