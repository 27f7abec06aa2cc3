using System.Collections.Generic;
using System.CommandLine;
using System;
using System.IO;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using WotId.Mailbox;
using WotId.Mailbox.Types;

namespace WotId.Cli.Commands.Mailbox;

/// <summary><c>wotid mailbox send</c>: deposits an (already encrypted) payload in a mailbox.</summary>
internal sealed class MailboxSendCommand : MailboxCommand
{
    public override string Name => "mailbox send";

    public override string Summary => "send a payload to a mailbox; exit code 3: queued, not delivered yet (the node was unreachable or failing)";

    public override IReadOnlyList<Symbol> Symbols { get; } =
    [
        CliSymbols.Positional("TEXT", "the payload as text (or --file); the mailbox assigns the sequence number (printed)", required: false),
        CliSymbols.Value("--to", "MAILBOX", "the recipient's mailbox id (required)"),
        CliSymbols.Value("--file", "PATH", "send the bytes of PATH instead of TEXT"),
        .. CommonOptions(),
    ];

    protected override async Task<int> ExecuteAsync(Session s, CancellationToken cancellationToken)
    {
        var to = IotaAddress.Parse(s.Arguments.Require("to"));
        byte[] payload = s.Arguments.Get("file") is string file ? await File.ReadAllBytesAsync(file, cancellationToken).ConfigureAwait(false)
            : Encoding.UTF8.GetBytes(s.Arguments.RequirePositional(0, "TEXT or --file"));
        if (s.Chain is not null)
        {
            await s.Chain.FlushAsync(cancellationToken).ConfigureAwait(false);
        }

        SendResult r = await s.Mailbox.SendAsync(to, payload, cancellationToken).ConfigureAwait(false);
        var json = new JsonObject
        {
            ["delivered"] = r.Delivered,
            ["message"] = r.MessageId?.ToString(),
            ["seq"] = r.Seq,
            ["queueId"] = r.QueueId,
            ["digest"] = r.TransactionDigest,
            ["error"] = r.LastError,
        };
        await WriteAsync(s.Context, json, r.Delivered ? $"sent {r.MessageId} (seq {r.Seq})" : $"queued (seq {r.Seq}): {r.LastError}").ConfigureAwait(false);
        return r.Delivered ? 0 : 3;
    }
}
