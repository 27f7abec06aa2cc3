using System.Collections.Generic;
using System.CommandLine;
using System;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using WotId.Core.Encoding;
using WotId.Mailbox;

namespace WotId.Cli.Commands.Mailbox;

/// <summary><c>wotid mailbox create</c>: creates a mailbox owned by this account and remembers it.</summary>
internal sealed class MailboxCreateCommand : MailboxCommand
{
    public override string Name => "mailbox create";

    public override string Summary => "create a mailbox (embedded by default, or on IOTA with --iota-rpc)";

    public override IReadOnlyList<Symbol> Symbols { get; } =
    [
        CliSymbols.Value("--max-payload", "N", "largest payload in bytes (default 16000)"),
        CliSymbols.Value("--encryption-key", "HEX", "public encryption key published with the mailbox"),
        .. CommonOptions(),
    ];

    protected override async Task<int> ExecuteAsync(Session s, CancellationToken cancellationToken)
    {
        long max = s.Arguments.GetInt64("max-payload", (long)MailboxLimits.MaxPayloadBytes);
        byte[] key = s.Arguments.Get("encryption-key") is string hex ? Hex.Decode(hex) : Array.Empty<byte>();
        MailboxHandle h = await s.Mailbox.CreateAsync(key, max < 0 ? 0 : (ulong)max, cancellationToken).ConfigureAwait(false);
        s.SaveHandle(h);
        await WriteAsync(s.Context, new JsonObject { ["mailbox"] = h.MailboxId.ToString(), ["cap"] = h.CapId.ToString(), ["owner"] = s.Mailbox.Caller.ToString() },
            $"mailbox {h.MailboxId}\ncap     {h.CapId}\nowner   {s.Mailbox.Caller}").ConfigureAwait(false);
        return 0;
    }
}
