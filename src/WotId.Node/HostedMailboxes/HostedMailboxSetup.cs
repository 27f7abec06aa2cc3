// Creating a profile's mailbox on a mailbox host (`wotid mailbox use-host MULTIADDR`, `wotid init --mailbox-host`):
// a short-lived libp2p host with a fresh peer identity dials the host, creates a mailbox signed with the profile's DID
// key (which makes that key its owner: docs/mailbox.md "Hosted mailboxes"), and the profile remembers it. The peer
// identity does not matter to the mailbox host, so this works while the profile's node is stopped or running.
using System;
using System.Threading;
using System.Threading.Tasks;
using WotId.Libp2p.Host;
using WotId.Libp2p.Multiaddr;
using WotId.Libp2p.Peer;
using WotId.Libp2p.Transports;
using WotId.Mailbox;
using WotId.Mailbox.Hosted;
using WotId.Node.Profile;

namespace WotId.Node.HostedMailboxes;

/// <summary>Creates and remembers a profile's hosted mailbox.</summary>
public static class HostedMailboxSetup
{
    /// <summary>Creates a mailbox on the host at <paramref name="hostAddress"/> and stores it in <paramref name="profile"/>.</summary>
    /// <exception cref="ArgumentException">The address does not end in <c>/p2p/&lt;peer id&gt;</c>.</exception>
    /// <exception cref="MailboxException">The host refused or could not be reached.</exception>
    /// <exception cref="NotSupportedException">The profile's key is not ML-DSA-65.</exception>
    public static async Task<HostedMailboxSettings> UseHostAsync(Profile.Profile profile, string hostAddress, TimeProvider? time = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(profile);
        Multiaddress address = Multiaddress.Parse(hostAddress);
        HostedMailboxLink.HostPeer(address);
        var signer = new SigningKeyRequestSigner(profile.SigningKey);
        using PeerIdentity identity = PeerIdentity.Generate();
        var host = new Libp2pHost(new Libp2pHostOptions(identity) { Transports = [new TcpTransport()], TimeProvider = time ?? TimeProvider.System });
        await using (host.ConfigureAwait(false))
        {
            await host.StartAsync(cancellationToken).ConfigureAwait(false);
            HostedMailboxClient client = HostedMailboxLink.Connect(host, address, signer, time);
            MailboxHandle handle = await client.CreateAsync(ReadOnlyMemory<byte>.Empty, MailboxLimits.MaxPayloadBytes, cancellationToken).ConfigureAwait(false);
            var settings = new HostedMailboxSettings(address.ToString(), handle);
            profile.SetHostedMailbox(settings);
            return settings;
        }
    }
}
