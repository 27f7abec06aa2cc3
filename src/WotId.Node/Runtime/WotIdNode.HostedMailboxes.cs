// Hosted mailboxes in the node (docs/mailbox.md "Hosted mailboxes"): with NodeOptions.HostMailboxes the node serves
// /wotid/mailbox/1.0.0 from HOME/mailbox/hosted.db to anyone (the protocol is allowed before the handshake: its
// requests carry their own ML-DSA-65 signatures); a profile with a hosted mailbox claims it like its embedded one;
// a contact whose invitation names a hosted mailbox gets deposits there. Requests are signed with the DID key.
using System;
using System.IO;
using WotId.Libp2p.Multiaddr;
using WotId.Mailbox.Hosted;
using WotId.Node.HostedMailboxes;

namespace WotId.Node.Runtime;

public sealed partial class WotIdNode
{
    /// <summary>The hosted mailbox database, relative to the profile home.</summary>
    internal const string HostedDatabaseRelativePath = "mailbox/hosted.db";

    private MailboxHost? _mailboxHost;
    private SigningKeyRequestSigner? _requestSigner;

    /// <summary>True when this node serves <c>/wotid/mailbox/1.0.0</c>.</summary>
    public bool HostsMailboxes => _mailboxHost is not null;

    private void StartMailboxHost()
    {
        if (!_options.HostMailboxes)
        {
            return;
        }

        string path = Path.Combine(_profile.Home, HostedDatabaseRelativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        _mailboxHost = new MailboxHost(path, _host.PeerId.Bytes, _options.MailboxHostLimits, _time);
        HostedMailboxLink.Serve(_host, _mailboxHost);
        _gate.AllowBeforeVerification(HostedMailboxProtocol.ProtocolId);
    }

    /// <summary>A client of the mailbox host at <paramref name="hostAddress"/>, acting as this profile's DID key.</summary>
    private HostedMailboxClient HostedClient(string hostAddress)
    {
        _requestSigner ??= new SigningKeyRequestSigner(_profile.SigningKey);
        Multiaddress address = Multiaddress.Parse(hostAddress);
        NoteMailboxHost(address);
        return HostedMailboxLink.Connect(_host, address, _requestSigner, _time);
    }
}
