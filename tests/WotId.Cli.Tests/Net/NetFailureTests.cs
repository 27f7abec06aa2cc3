// Network failures of the net commands are one line that says what happened: a peer that accepts TCP and never
// answers the handshake is a timeout, not "The operation was canceled.".
using System;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

namespace WotId.Cli.Tests.Net;

public sealed class NetFailureTests
{
    [Fact]
    public async Task ASilentPeerIsAHandshakeTimeout()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        Task<Socket> accepted = listener.AcceptSocketAsync(cts.Token).AsTask();
        var error = new StringWriter();

        int exit = await Program.RunAsync(["net", "ping", $"/ip4/127.0.0.1/tcp/{port}"], TextWriter.Null, error, cts.Token);

        using Socket silent = await accepted;
        Assert.Equal(ExitCodes.Failed, exit);
        string line = error.ToString().Trim();
        Assert.StartsWith("error: ", line, StringComparison.Ordinal);
        Assert.Contains("timed out", line, StringComparison.Ordinal);
        Assert.DoesNotContain("canceled", line, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain('\n', line);
    }
}
