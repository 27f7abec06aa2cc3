using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using WotId.Crypto;
using WotId.Libp2p.Host;
using WotId.Libp2p.Multiaddr;
using WotId.Libp2p.Peer;
using WotId.Libp2p.Transports;
using WotId.Mailbox.Hosted;
using WotId.Node.HostedMailboxes;

namespace WotId.Node.Tests.HostedMailboxes;

/// <summary>A mailbox host on a real libp2p TCP host and SQLite file, and client libp2p hosts each with its own key.</summary>
internal sealed class HostedMailboxNetwork : IAsyncDisposable
{
    private static readonly Multiaddress s_tcp = Multiaddress.Parse("/ip4/127.0.0.1/tcp/0");
    private readonly List<IAsyncDisposable> _hosts = [];
    private readonly List<MLDsaPrivateKey> _keys = [];

    private HostedMailboxNetwork(string folder, MailboxHost mailboxHost)
    {
        Folder = folder;
        MailboxHost = mailboxHost;
    }

    public string Folder { get; }

    public MailboxHost MailboxHost { get; }

    public Multiaddress HostAddress { get; private set; } = s_tcp;

    public List<HostedMailboxClient> Clients { get; } = [];

    public List<Libp2pHost> ClientHosts { get; } = [];

    public static async Task<HostedMailboxNetwork> StartAsync(int clients, MailboxHostOptions? options, CancellationToken cancellationToken, TimeProvider? time = null)
    {
        string folder = Path.Combine(Path.GetTempPath(), "wotid-hosted-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        PeerIdentity hostId = PeerIdentity.Generate();
        var mailboxHost = new MailboxHost(Path.Combine(folder, "hosted.db"), hostId.PeerId.Bytes,
            options ?? new MailboxHostOptions { RequestsPerMinute = 60_000, Burst = 10_000 }, time);
        var net = new HostedMailboxNetwork(folder, mailboxHost);
        var server = new Libp2pHost(new Libp2pHostOptions(hostId) { ListenAddresses = [s_tcp], Transports = [new TcpTransport()] });
        net._hosts.Add(server);
        HostedMailboxLink.Serve(server, mailboxHost);
        await server.StartAsync(cancellationToken);
        net.HostAddress = server.AdvertisedAddresses[0].Encapsulate("/p2p/" + server.PeerId);
        for (int i = 0; i < clients; i++)
        {
            await net.AddClientAsync(time, cancellationToken);
        }

        return net;
    }

    public async Task<HostedMailboxClient> AddClientAsync(TimeProvider? time, CancellationToken cancellationToken)
    {
        var host = new Libp2pHost(new Libp2pHostOptions(PeerIdentity.Generate()) { ListenAddresses = [s_tcp], Transports = [new TcpTransport()] });
        _hosts.Add(host);
        await host.StartAsync(cancellationToken);
        MLDsaPrivateKey key = MLDsaPrivateKey.Generate(MLDsaAlgorithm.MLDsa65);
        _keys.Add(key);
        HostedMailboxClient client = HostedMailboxLink.Connect(host, HostAddress, new MLDsaRequestSigner(key), time);
        Clients.Add(client);
        ClientHosts.Add(host);
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (IAsyncDisposable h in _hosts)
        {
            await h.DisposeAsync();
        }

        MailboxHost.Dispose();
        foreach (MLDsaPrivateKey k in _keys)
        {
            k.Dispose();
        }

        try
        {
            Directory.Delete(Folder, true);
        }
        catch (IOException)
        {
            // Left for the OS temp cleaner.
        }
    }
}
