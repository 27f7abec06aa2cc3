using System.Net;
using System.Net.Sockets;

namespace WotId.Testing;

/// <summary>Loopback TCP ports for tests that need an address nobody serves yet.</summary>
public static class LoopbackPorts
{
    /// <summary>A port on 127.0.0.1 that was just bound and released: nothing listens on it.</summary>
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
