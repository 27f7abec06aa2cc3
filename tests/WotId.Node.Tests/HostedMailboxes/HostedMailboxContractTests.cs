// The IMailbox behaviour suite (tests/WotId.Mailbox.Tests/Contract/MailboxContract.cs) against a hosted mailbox:
// three clients, each its own libp2p host with its own ML-DSA-65 key, talking /wotid/mailbox/1.0.0 over real TCP on
// 127.0.0.1 to a libp2p host that serves a MailboxHost on a real SQLite file.
using System.Threading;
using System.Threading.Tasks;
using WotId.Mailbox.Tests.Contract;

namespace WotId.Node.Tests.HostedMailboxes;

public sealed class HostedMailboxContractTests : MailboxContract
{
    protected override async Task<MailboxParties> CreatePartiesAsync(CancellationToken cancellationToken)
    {
        HostedMailboxNetwork net = await HostedMailboxNetwork.StartAsync(3, null, cancellationToken);
        return new MailboxParties(net.Clients[0], net.Clients[1], net.Clients[2], net.DisposeAsync);
    }
}
