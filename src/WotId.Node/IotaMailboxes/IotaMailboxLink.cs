// One IOTA network as the node uses it (docs/mailbox.md "The IOTA mailbox in the node"): a JSON-RPC client, the
// durable chain outbox of that endpoint and package (HOME/mailbox/iota-outbox-<hash>.db), and the IotaMailbox that
// signs with the profile's mailbox account key. Deposits through one link are serialised by Gate so that a retry
// and a new send never submit the same queued row at once.
using System;
using System.IO;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using Microsoft.Extensions.Logging;
using WotId.Mailbox.Chain;
using WotId.Mailbox.Rpc;
using WotId.Mailbox.Signing;
using WotId.Mailbox.Types;

namespace WotId.Node.IotaMailboxes;

/// <summary>The client, outbox and mailbox of one (endpoint, package) pair.</summary>
internal sealed class IotaMailboxLink : IDisposable
{
    /// <summary>How long one JSON-RPC call may take.</summary>
    internal static readonly TimeSpan RpcTimeout = TimeSpan.FromSeconds(30);

    private readonly JsonRpcIotaClient _client;

    internal IotaMailboxLink(string home, Uri rpc, IotaAddress package, IotaKeyPair account, TimeProvider time, ILoggerFactory loggers)
    {
        Rpc = rpc;
        _client = new JsonRpcIotaClient(rpc, RpcTimeout, logger: loggers.CreateLogger<JsonRpcIotaClient>());
        try
        {
            string path = OutboxPath(home, rpc, package);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            Outbox = Outbox.Open(path, time);
            Mailbox = new IotaMailbox(_client, account, package, Outbox, loggers.CreateLogger<IotaMailbox>());
        }
        catch
        {
            Outbox?.Dispose();
            _client.Dispose();
            throw;
        }
    }

    internal Uri Rpc { get; }

    internal Outbox Outbox { get; }

    internal IotaMailbox Mailbox { get; }

    internal SemaphoreSlim Gate { get; } = new(1, 1);

    /// <summary>The chain outbox file of <paramref name="rpc"/> and <paramref name="package"/> under the profile home.</summary>
    internal static string OutboxPath(string home, Uri rpc, IotaAddress package)
    {
        byte[] digest = SHA256.HashData(Encoding.UTF8.GetBytes(package + "@" + rpc));
        return Path.Combine(home, "mailbox", "iota-outbox-" + Convert.ToHexStringLower(digest.AsSpan(0, 8)) + ".db");
    }

    public void Dispose()
    {
        Mailbox.Dispose();
        Outbox.Dispose();
        _client.Dispose();
        Gate.Dispose();
    }
}
