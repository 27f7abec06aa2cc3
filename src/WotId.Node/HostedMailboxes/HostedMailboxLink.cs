// The libp2p side of hosted mailboxes (docs/mailbox.md "Hosted mailboxes"): serving /wotid/mailbox/1.0.0 on a node's
// host, and a client IMailbox whose streams go to a host named by a multiaddr ending in /p2p/<peer id>. The protocol
// itself (codec, signatures, limits) lives in src/WotId.Mailbox/Hosted and does no network I/O.
using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using WotId.Libp2p.Host;
using WotId.Libp2p.Multiaddr;
using WotId.Libp2p.Peer;
using WotId.Mailbox.Hosted;

namespace WotId.Node.HostedMailboxes;

/// <summary>Connects <see cref="MailboxHost"/> and <see cref="HostedMailboxClient"/> to a <see cref="Libp2pHost"/>.</summary>
public static class HostedMailboxLink
{
    /// <summary>Serves <paramref name="mailboxHost"/> on <paramref name="host"/> (one request/response per stream).</summary>
    public static void Serve(Libp2pHost host, MailboxHost mailboxHost)
    {
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(mailboxHost);
        host.SetHandler(HostedMailboxProtocol.ProtocolId, (stream, ct) => mailboxHost.ServeAsync(stream, stream.RemotePeer.Bytes, ct));
    }

    /// <summary>The peer id named by <paramref name="hostAddress"/>'s last <c>/p2p</c> component.</summary>
    /// <exception cref="ArgumentException">The address names no peer.</exception>
    public static PeerId HostPeer(Multiaddress hostAddress)
    {
        ArgumentNullException.ThrowIfNull(hostAddress);
        return hostAddress.PeerId ?? throw new ArgumentException("a mailbox host address ends in /p2p/<peer id>", nameof(hostAddress));
    }

    /// <summary>A client of the mailbox host at <paramref name="hostAddress"/> (which must end in <c>/p2p/&lt;peer id&gt;</c>).</summary>
    /// <param name="host">The local libp2p host the streams are opened from.</param>
    /// <param name="hostAddress">Where the mailbox host listens, with its peer id.</param>
    /// <param name="signer">The caller's ML-DSA-65 key.</param>
    /// <param name="time">Clock for request timestamps.</param>
    public static HostedMailboxClient Connect(Libp2pHost host, Multiaddress hostAddress, IMailboxRequestSigner signer, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(host);
        PeerId peer = HostPeer(hostAddress);
        host.PeerStore.AddAddresses(peer, [hostAddress.DecapsulateCode(MultiaddrCodes.P2p)]);
        return new HostedMailboxClient(peer.Bytes, ct => OpenAsync(host, peer, ct), signer, time);
    }

    private static async Task<Stream> OpenAsync(Libp2pHost host, PeerId peer, CancellationToken cancellationToken) =>
        await host.OpenStreamAsync(peer, HostedMailboxProtocol.ProtocolId, cancellationToken).ConfigureAwait(false);
}
