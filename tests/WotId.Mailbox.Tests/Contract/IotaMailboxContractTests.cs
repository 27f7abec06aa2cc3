// The mailbox contract on the IOTA mailbox: three IotaMailbox clients, each with its own Ed25519 key and its own
// durable outbox (a real SQLite file), talking real HTTP on 127.0.0.1 to a scripted JSON-RPC node whose answers come
// from a ChainModel of the package's objects.
using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using WotId.Mailbox.Chain;
using WotId.Mailbox.Rpc;
using WotId.Mailbox.Signing;
using WotId.Mailbox.Tests.Rpc;
using WotId.Mailbox.Types;

namespace WotId.Mailbox.Tests.Contract;

public sealed class IotaMailboxContractTests : MailboxContract
{
    protected override Task<MailboxParties> CreatePartiesAsync(CancellationToken cancellationToken)
    {
        string folder = Path.Combine(Path.GetTempPath(), "wotid-chain-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        ScriptedNode node = ScriptedNode.Start(new ChainModel(IotaAddress.Parse(DocumentedResponses.Package)));
        var parts = new (IotaKeyPair Key, Outbox Outbox, JsonRpcIotaClient Client, IotaMailbox Mailbox)[3];
        for (int i = 0; i < parts.Length; i++)
        {
            IotaKeyPair key = IotaKeyPair.Generate();
            var outbox = Outbox.Open(Path.Combine(folder, $"outbox-{i}.db"));
            var client = new JsonRpcIotaClient(node.Endpoint, TimeSpan.FromSeconds(30));
            parts[i] = (key, outbox, client, new IotaMailbox(client, key, IotaAddress.Parse(DocumentedResponses.Package), outbox));
        }

        return Task.FromResult(new MailboxParties(parts[0].Mailbox, parts[1].Mailbox, parts[2].Mailbox, async () =>
        {
            foreach ((IotaKeyPair key, Outbox outbox, JsonRpcIotaClient client, IotaMailbox mailbox) in parts)
            {
                mailbox.Dispose();
                client.Dispose();
                outbox.Dispose();
                key.Dispose();
            }

            await node.DisposeAsync();
            try
            {
                Directory.Delete(folder, true);
            }
            catch (IOException)
            {
                // Left for the OS temp cleaner.
            }
        }));
    }
}
