// Shared plumbing of `wotid mailbox …`: picks the embedded mailbox (default, HOME/mailbox/mailbox.db) or the chain
// (--iota-rpc URL --iota-key FILE --package ID), loads or creates the account key, remembers the created mailbox
// (HOME/mailbox/handle.json; never replaced silently), and prints results as text or --json.
// Exit codes (ExitCodes): 0 ok, 1 mailbox error (code printed), 2 usage or a refused destructive step, 3 send queued.
using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using WotId.Mailbox;
using WotId.Mailbox.Chain;
using WotId.Mailbox.Embedded;
using WotId.Mailbox.Rpc;
using WotId.Mailbox.Signing;
using WotId.Mailbox.Types;

namespace WotId.Cli.Commands.Mailbox;

/// <summary>Base class of the mailbox commands.</summary>
internal abstract class MailboxCommand : ICliCommand
{
    public abstract string Name { get; }

    public abstract string Summary { get; }

    public abstract IReadOnlyList<Symbol> Symbols { get; }

    /// <summary>The options every mailbox command takes: the account key and the chain to use.</summary>
    protected static Symbol[] CommonOptions() =>
    [
        CliSymbols.Value("--iota-key", "FILE", "IOTA account key (default HOME/mailbox/account.key, created owner-only)"),
        CliSymbols.Value("--iota-rpc", "URL", "use an IOTA node instead of the embedded mailbox (needs --iota-key and --package; sends are queued in HOME/mailbox/outbox.db)"),
        CliSymbols.Value("--package", "ID", "the wotid_mailbox Move package id (with --iota-rpc)"),
    ];

    /// <summary>--mailbox and --cap (default: the mailbox created here).</summary>
    protected static Symbol[] HandleOptions() =>
    [
        CliSymbols.Value("--mailbox", "ID", "mailbox object id (default: the one created here)"),
        CliSymbols.Value("--cap", "ID", "owner capability id (default: the one created here)"),
    ];

    public async Task<int> RunAsync(CliContext context, CliArguments arguments, CancellationToken cancellationToken)
    {
        string dir = Path.Combine(context.Home, "mailbox");
        PrivateFiles.CreateFolder(dir);
        try
        {
            using IotaKeyPair key = LoadKey(arguments, dir);
            string? rpc = arguments.Get("iota-rpc");
            if (rpc is null)
            {
                using EmbeddedMailboxStore store = EmbeddedMailboxStore.Open(Path.Combine(dir, "mailbox.db"), null, context.Loggers.CreateLogger<EmbeddedMailboxStore>());
                return await ExecuteAsync(new Session(context, arguments, store.As(key.Address), dir, null), cancellationToken).ConfigureAwait(false);
            }

            if (!Uri.TryCreate(rpc, UriKind.Absolute, out Uri? endpoint) || arguments.Get("iota-key") is null)
            {
                throw new CliUsageException("--iota-rpc needs an absolute URL and --iota-key FILE");
            }

            var package = IotaAddress.Parse(arguments.Require("package"));
            using var outbox = Outbox.Open(Path.Combine(dir, "outbox.db"));
            using var client = new JsonRpcIotaClient(endpoint, null, null, context.Loggers.CreateLogger<JsonRpcIotaClient>());
            using var chain = new IotaMailbox(client, key, package, outbox, context.Loggers.CreateLogger<IotaMailbox>());
            return await ExecuteAsync(new Session(context, arguments, chain, dir, chain), cancellationToken).ConfigureAwait(false);
        }
        catch (MailboxException ex)
        {
            return await FailAsync(context, ex.Error.ToString(), ex.Message).ConfigureAwait(false);
        }
        catch (FormatException ex)
        {
            throw new CliUsageException(ex.Message);
        }
    }

    protected abstract Task<int> ExecuteAsync(Session session, CancellationToken cancellationToken);

    protected static Task<int> FailAsync(CliContext context, string code, string message) =>
        new CliError(code, message, null, ExitCodes.Failed).WriteAsync(context.Error, context.Json);

    /// <summary>Refuses a step that would lose something without its explicit flag; says what would be lost (exit 2).</summary>
    protected static Task<int> RefuseAsync(CliContext context, string message) =>
        new CliError("confirmation-required", message, "pass the flag named above to go ahead", ExitCodes.InvalidInput).WriteAsync(context.Error, context.Json);

    protected static async Task WriteAsync(CliContext context, JsonNode json, string text) =>
        await context.Output.WriteLineAsync(context.Json ? json.ToJsonString() : text).ConfigureAwait(false);

    protected static JsonObject ToJson(MessageInfo m) => new()
    {
        ["id"] = m.Id.ToString(),
        ["mailbox"] = m.MailboxId.ToString(),
        ["sender"] = m.Sender.ToString(),
        ["sentAtMs"] = m.SentAtMs,
        ["seq"] = m.Seq,
        ["size"] = m.Size,
        ["state"] = m.State.ToString().ToLowerInvariant(),
    };

    private static IotaKeyPair LoadKey(CliArguments arguments, string dir)
    {
        string? file = arguments.Get("iota-key");
        if (file is not null)
        {
            return IotaKeyPair.ImportPrivateKey(File.ReadAllText(file));
        }

        string path = Path.Combine(dir, "account.key");
        if (File.Exists(path))
        {
            return IotaKeyPair.ImportPrivateKey(File.ReadAllText(path));
        }

        IotaKeyPair key = IotaKeyPair.Generate();
        PrivateFiles.WriteNew(path, System.Text.Encoding.UTF8.GetBytes(key.ExportPrivateKey()));

        return key;
    }

    /// <summary>What a command works with.</summary>
    protected sealed class Session
    {
        public Session(CliContext context, CliArguments arguments, IMailbox mailbox, string dir, IotaMailbox? chain)
        {
            Context = context;
            Arguments = arguments;
            Mailbox = mailbox;
            Dir = dir;
            Chain = chain;
        }

        public CliContext Context { get; }

        public CliArguments Arguments { get; }

        public IMailbox Mailbox { get; }

        public string Dir { get; }

        public IotaMailbox? Chain { get; }

        private string HandleFile => Path.Combine(Dir, Chain is null ? "handle.json" : "handle-chain.json");

        /// <summary>--mailbox/--cap, or the mailbox last created here.</summary>
        public MailboxHandle Handle()
        {
            string? m = Arguments.Get("mailbox");
            string? c = Arguments.Get("cap");
            if (m is not null && c is not null)
            {
                return new MailboxHandle(IotaAddress.Parse(m), IotaAddress.Parse(c));
            }

            MailboxHandle saved = SavedHandle()
                ?? throw new CliUsageException("no mailbox here yet: run `wotid mailbox create` or pass --mailbox ID --cap ID");
            return m is null ? saved : new MailboxHandle(IotaAddress.Parse(m), saved.CapId);
        }

        /// <summary>The mailbox remembered here, if any (the one commands use without --mailbox/--cap).</summary>
        public MailboxHandle? SavedHandle()
        {
            if (!File.Exists(HandleFile))
            {
                return null;
            }

            using JsonDocument d = JsonDocument.Parse(File.ReadAllText(HandleFile));
            return new MailboxHandle(IotaAddress.Parse(d.RootElement.GetProperty("mailbox").GetString()!), IotaAddress.Parse(d.RootElement.GetProperty("cap").GetString()!));
        }

        /// <summary>Every message of a mailbox, following the listing cursor page by page.</summary>
        public async Task<List<MessageInfo>> ListAllAsync(IotaAddress mailboxId, CancellationToken cancellationToken)
        {
            var all = new List<MessageInfo>();
            string? cursor = null;
            do
            {
                MessagePage page = await Mailbox.ListAsync(mailboxId, cursor, MailboxLimits.MaxListPageSize, cancellationToken).ConfigureAwait(false);
                all.AddRange(page.Messages);
                cursor = page.NextCursor;
            }
            while (cursor is not null);

            return all;
        }

        public void SaveHandle(MailboxHandle h) =>
            File.WriteAllText(HandleFile, new JsonObject { ["mailbox"] = h.MailboxId.ToString(), ["cap"] = h.CapId.ToString() }.ToJsonString());
    }
}
