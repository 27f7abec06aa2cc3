// The mailbox contract on the embedded mailbox: a real SQLite file in a temporary folder.
using System.Threading;
using System.Threading.Tasks;
using WotId.Mailbox.Tests.Behaviour;

namespace WotId.Mailbox.Tests.Contract;

public sealed class EmbeddedMailboxContractTests : MailboxContract
{
    protected override Task<MailboxParties> CreatePartiesAsync(CancellationToken cancellationToken)
    {
        var f = new EmbeddedFixture();
        return Task.FromResult(new MailboxParties(f.Owner, f.Sender, f.Stranger, () =>
        {
            f.Dispose();
            return ValueTask.CompletedTask;
        }));
    }
}
