// The TCP port a new profile keeps for good (ProfileListenAddresses: invitations carry it, so every later start must
// get it again). A port the kernel hands out for port 0 comes from the ephemeral range that outgoing connections use
// too (Linux: net.ipv4.ip_local_port_range, 32768–60999 by default; Windows and macOS: 49152–65535, RFC 6335 §6), so
// any process's next outgoing connection may hold it while the node is stopped, and the node then cannot listen. So
// the pinned port is drawn at random below that range, from MinPort on, and kept only if it binds now.
using System;
using System.Globalization;
using System.IO;
using System.Net;
using System.Net.Sockets;

namespace WotId.Node.Profile;

/// <summary>Chooses a free TCP port outside the ephemeral range, for a listen address a profile keeps.</summary>
internal static class PinnedTcpPort
{
    /// <summary>The lowest port drawn (above the ports of most well-known services).</summary>
    internal const int MinPort = 10_000;

    /// <summary>Random ports tried before falling back to one the kernel picks.</summary>
    internal const int Attempts = 64;

    private const string LinuxRangeFile = "/proc/sys/net/ipv4/ip_local_port_range";

    /// <summary>A port on <paramref name="address"/> that was free a moment ago, below the ephemeral range when possible.</summary>
    internal static int Choose(IPAddress address) => Choose(address, MinPort, EphemeralRangeStart());

    /// <summary>A port on <paramref name="address"/> that was free a moment ago, drawn from <paramref name="low"/>…<paramref name="below"/> − 1 when possible.</summary>
    internal static int Choose(IPAddress address, int low, int below)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (below > low)
        {
            for (int i = 0; i < Attempts; i++)
            {
                int port = Random.Shared.Next(low, below);
                if (Binds(address, port))
                {
                    return port;
                }
            }
        }

        using var probe = new TcpListener(address, 0); // everything below the range is taken: any free port
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    /// <summary>The first port of the system's ephemeral range.</summary>
    internal static int EphemeralRangeStart()
    {
        if (!OperatingSystem.IsLinux())
        {
            return 49_152;
        }

        try
        {
            string text = File.ReadAllText(LinuxRangeFile);
            string first = text.Split(['\t', ' ', '\n'], StringSplitOptions.RemoveEmptyEntries) is [var f, ..] ? f : "";
            return int.TryParse(first, NumberStyles.None, CultureInfo.InvariantCulture, out int start) && start is > 0 and <= 65_535 ? start : 32_768;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return 32_768;
        }
    }

    private static bool Binds(IPAddress address, int port)
    {
        try
        {
            using var probe = new TcpListener(address, port);
            probe.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
