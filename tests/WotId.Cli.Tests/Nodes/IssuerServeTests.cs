// `wotid issuer serve` as a child process: serves the list at the status URL's path over real HTTP on 127.0.0.1,
// serves a revocation made while it runs, and ends with 0 on SIGTERM.
using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Text.Json;
using System.Threading.Tasks;
using WotId.Testing;

namespace WotId.Cli.Tests.Nodes;

public sealed class IssuerServeTests : IDisposable
{
    private static readonly TimeSpan s_wait = TimeSpan.FromSeconds(60);
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "wotid-cli-serve-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_dir))
        {
            Directory.Delete(_dir, recursive: true);
        }
    }

    [Fact]
    public async Task ServesTheStatusListAndARevocationMadeWhileRunning()
    {
        int port = LoopbackPorts.Free();
        string url = $"http://127.0.0.1:{port}/lists/1";
        string home = Path.Combine(_dir, "issuer");
        string issuer = await ProfileVerbTests.IssuerAsync(home, "--status-url", url);
        WotidProcess.Result issued = await WotidProcess.RunAsync(ProfileVerbTests.Passphrase, "issuer", "issue", "--home", home, "--subject", issuer, "--json");
        Assert.True(issued.ExitCode == 0, issued.Error);
        string id;
        using (JsonDocument doc = JsonDocument.Parse(issued.Output))
        {
            id = doc.RootElement.GetProperty("id").GetString()!;
        }

        await using WotidBackground serve = WotidBackground.Start(ProfileVerbTests.Passphrase, "issuer", "serve", "--home", home);
        string line = await serve.WaitForLineAsync(l => l.StartsWith("serving the status list at ", StringComparison.Ordinal), s_wait);
        Assert.EndsWith(url, line, StringComparison.Ordinal);

        using var http = new HttpClient();
        using (HttpResponseMessage response = await http.GetAsync(url))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("application/vc+jwt", response.Content.Headers.ContentType?.MediaType);
        }

        string before = await http.GetStringAsync(url);
        Assert.Equal(3, before.Split('.').Length);
        WotidProcess.Result revoked = await WotidProcess.RunAsync(ProfileVerbTests.Passphrase, "issuer", "revoke", id, "--home", home);
        Assert.True(revoked.ExitCode == 0, revoked.Error);
        string after = before;
        DateTime deadline = DateTime.UtcNow + s_wait;
        while (after == before && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200);
            after = await http.GetStringAsync(url);
        }

        Assert.NotEqual(before, after);
        Assert.Equal(0, await serve.TerminateAsync(s_wait));
    }

}
