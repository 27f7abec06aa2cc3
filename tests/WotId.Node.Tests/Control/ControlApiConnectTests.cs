// Finding the running node (docs/node.md "Control API"): TryConnectAsync is null when no node runs, including after
// a crash left control.sock / control.json / control.token behind; a server starting over a stale socket replaces it,
// and refuses to start while another server answers there.
using System;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Threading.Tasks;
using WotId.Node.Api;
using WotId.Node.Control;

namespace WotId.Node.Tests.Control;

public sealed class ControlApiConnectTests
{
    [Fact]
    public async Task NoNodeIsNull()
    {
        string home = ControlApiHarness.NewHome();
        try
        {
            Assert.Null(await ControlApiClient.TryConnectAsync(home, ControlApiHarness.Ct));
            Assert.Null(await ControlApiClient.TryConnectAsync(Path.Combine(home, "missing"), ControlApiHarness.Ct));
        }
        finally
        {
            Directory.Delete(home, recursive: true);
        }
    }

    [Fact]
    public async Task StaleSocketIsNullAndReplacedByTheNextServer()
    {
        string home = ControlApiHarness.NewHome();
        try
        {
            string socketPath = Path.Combine(home, "control.sock");
            LeaveStaleSocket(socketPath);
            await File.WriteAllTextAsync(Path.Combine(home, "control.token"), "stale", ControlApiHarness.Ct);
            Assert.True(File.Exists(socketPath));
            Assert.Null(await ControlApiClient.TryConnectAsync(home, ControlApiHarness.Ct));

            RecordingNode node = new();
            await using (ControlApiServer server = await ControlApiServer.StartAsync(node, home, null, ControlApiHarness.Ct))
            {
                await using ControlApiClient? client = await ControlApiClient.TryConnectAsync(home, ControlApiHarness.Ct);
                Assert.NotNull(client);
                Assert.Equal("alice", (await client.GetStatusAsync(ControlApiHarness.Ct)).Name);
            }

            Assert.False(File.Exists(socketPath));
        }
        finally
        {
            Directory.Delete(home, recursive: true);
        }
    }

    [Fact]
    public async Task StaleEndpointFileIsNull()
    {
        string home = ControlApiHarness.NewHome();
        try
        {
            int port;
            using (Socket probe = new(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp))
            {
                probe.Bind(new IPEndPoint(IPAddress.Loopback, 0));
                port = ((IPEndPoint)probe.LocalEndPoint!).Port;
            }

            await File.WriteAllTextAsync(Path.Combine(home, "control.json"), $$"""{"url":"http://127.0.0.1:{{port}}/"}""", ControlApiHarness.Ct);
            await File.WriteAllTextAsync(Path.Combine(home, "control.token"), "stale", ControlApiHarness.Ct);
            Assert.Null(await ControlApiClient.TryConnectAsync(home, ControlApiHarness.Ct));
        }
        finally
        {
            Directory.Delete(home, recursive: true);
        }
    }

    [Theory]
    [InlineData("""{"url":"http://evil.example:80/"}""")]
    [InlineData("""{"url":"https://127.0.0.1:443/"}""")]
    [InlineData("""{"url":"http://127.0.0.1:0/"}""")]
    [InlineData("""{"url":null}""")]
    [InlineData("""{}""")]
    [InlineData("""not json""")]
    public void MalformedEndpointFileNamesNoEndpoint(string json) => Assert.Null(ControlApiEndpoint.ParseEndpointFile(json));

    [Fact]
    public async Task SecondServerOnALiveSocketIsAlreadyRunning()
    {
        await using ControlApiHarness h = await ControlApiHarness.StartAsync();
        NodeException e = await Assert.ThrowsAsync<NodeException>(() => ControlApiServer.StartAsync(h.Node, h.Home, null, ControlApiHarness.Ct));
        Assert.Equal(NodeError.AlreadyRunning, e.Error);
        Assert.Equal("alice", (await h.Client.GetStatusAsync(ControlApiHarness.Ct)).Name);
    }

    [Fact]
    public async Task DisposingTheClientLeavesTheNodeRunning()
    {
        await using ControlApiHarness h = await ControlApiHarness.StartAsync();
        ControlApiClient? other = await ControlApiClient.TryConnectAsync(h.Home, ControlApiHarness.Ct);
        Assert.NotNull(other);
        await other.DisposeAsync();
        Assert.False(h.Node.Disposed);
        Assert.Equal("alice", (await h.Client.GetStatusAsync(ControlApiHarness.Ct)).Name);
    }

    /// <summary>
    /// Leaves a socket file at <paramref name="path"/> that nobody listens on: what a crashed node leaves. .NET unlinks
    /// the path a socket was bound to when the socket closes, so the file is bound elsewhere and renamed first.
    /// </summary>
    private static void LeaveStaleSocket(string path)
    {
        string bound = path + ".bound";
        using Socket socket = new(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        socket.Bind(new UnixDomainSocketEndPoint(bound));
        socket.Listen();
        File.Move(bound, path);
    }
}
