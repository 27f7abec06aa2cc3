// `wotid init --mailbox-host` and `wotid mailbox use-host` as a person runs them (real child processes) against a
// mailbox host served in this test on a real libp2p TCP host on 127.0.0.1 with a real SQLite file.
using System;
using System.IO;
using System.Text.Json;
using System.Threading.Tasks;
using WotId.Libp2p.Host;
using WotId.Libp2p.Multiaddr;
using WotId.Libp2p.Peer;
using WotId.Libp2p.Transports;
using WotId.Mailbox.Hosted;
using WotId.Node.HostedMailboxes;

namespace WotId.Cli.Tests.Nodes;

public sealed class MailboxHostVerbTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "wotid-cli-hosted-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_dir))
        {
            Directory.Delete(_dir, recursive: true);
        }
    }

    [Fact]
    public async Task InitAndUseHostCreateMailboxesOnTheHostAndABadAddressIsAUsageError()
    {
        Directory.CreateDirectory(_dir);
        using PeerIdentity id = PeerIdentity.Generate();
        using var mailboxHost = new MailboxHost(Path.Combine(_dir, "hosted.db"), id.PeerId.Bytes);
        await using var server = new Libp2pHost(new Libp2pHostOptions(id) { ListenAddresses = [Multiaddress.Parse("/ip4/127.0.0.1/tcp/0")], Transports = [new TcpTransport()] });
        HostedMailboxLink.Serve(server, mailboxHost);
        await server.StartAsync(TestContext.Current.CancellationToken);
        string address = server.AdvertisedAddresses[0].Encapsulate("/p2p/" + server.PeerId).ToString();

        string home = Path.Combine(_dir, "bob");
        WotidProcess.Result init = await WotidProcess.RunAsync(ProfileVerbTests.Passphrase, "init", "--home", home, "--name", "Bob", "--mailbox-host", address, "--json");
        Assert.True(init.ExitCode == 0, init.Error);
        using (JsonDocument doc = JsonDocument.Parse(init.Output))
        {
            Assert.Equal(address, doc.RootElement.GetProperty("hostedMailbox").GetString());
        }

        WotidProcess.Result again = await WotidProcess.RunAsync(ProfileVerbTests.Passphrase, "mailbox", "use-host", address, "--home", home, "--json");
        Assert.True(again.ExitCode == 0, again.Error);
        using (JsonDocument doc = JsonDocument.Parse(again.Output))
        {
            Assert.Equal(("hosted", address), (doc.RootElement.GetProperty("kind").GetString(), doc.RootElement.GetProperty("host").GetString()));
            Assert.StartsWith("0x", doc.RootElement.GetProperty("mailbox").GetString(), StringComparison.Ordinal);
        }

        WotidProcess.Result noPeer = await WotidProcess.RunAsync(ProfileVerbTests.Passphrase, "mailbox", "use-host", "/ip4/127.0.0.1/tcp/1", "--home", home);
        Assert.Equal(ExitCodes.InvalidInput, noPeer.ExitCode);
        Assert.Contains("/p2p/", noPeer.Error, StringComparison.Ordinal);
    }
}
