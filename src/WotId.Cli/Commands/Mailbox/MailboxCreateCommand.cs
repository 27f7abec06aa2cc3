using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using WotId.Core.Encoding;
using WotId.Mailbox;

namespace WotId.Cli.Commands.Mailbox;

/// <summary>
/// <c>wotid mailbox create</c>: creates a mailbox owned by this account and remembers it. When this home already
/// remembers a mailbox, it refuses unless <c>--replace</c> is given, and names the mailbox and cap that would be
/// forgotten (they keep existing; only this home stops using them by default).
/// </summary>
internal sealed class MailboxCreateCommand : MailboxCommand
{
    public override string Name => "mailbox create";

    public override string Summary => "create a mailbox (embedded by default, or on IOTA with --iota-rpc)";

    public override IReadOnlyList<Symbol> Symbols { get; } =
    [
        CliSymbols.Value("--max-payload", "N", "largest payload in bytes (default 16000)"),
        CliSymbols.Value("--encryption-key", "HEX", "public encryption key published with the mailbox"),
        CliSymbols.Flag("--replace", "forget the mailbox this home remembers (it and its messages stay; use --mailbox ID --cap ID to reach it)"),
        .. CommonOptions(),
    ];

    protected override async Task<int> ExecuteAsync(Session s, CancellationToken cancellationToken)
    {
        MailboxHandle? previous = s.SavedHandle();
        if (previous is not null && !s.Arguments.Has("replace"))
        {
            return await RefuseAsync(s.Context,
                $"this home already uses mailbox {previous.MailboxId} (cap {previous.CapId}); a new one would replace it here. " +
                "Its messages stay in it but later commands would no longer use it without --mailbox and --cap. Pass --replace to create anyway.")
                .ConfigureAwait(false);
        }

        long max = s.Arguments.GetInt64("max-payload", (long)MailboxLimits.MaxPayloadBytes);
        byte[] key = s.Arguments.Get("encryption-key") is string hex ? Hex.Decode(hex) : Array.Empty<byte>();
        MailboxHandle h = await s.Mailbox.CreateAsync(key, max < 0 ? 0 : (ulong)max, cancellationToken).ConfigureAwait(false);
        s.SaveHandle(h);
        var json = new JsonObject { ["mailbox"] = h.MailboxId.ToString(), ["cap"] = h.CapId.ToString(), ["owner"] = s.Mailbox.Caller.ToString() };
        string text = $"mailbox {h.MailboxId}\ncap     {h.CapId}\nowner   {s.Mailbox.Caller}";
        if (previous is not null)
        {
            json["replaced"] = new JsonObject { ["mailbox"] = previous.MailboxId.ToString(), ["cap"] = previous.CapId.ToString() };
            text += $"\nreplaced mailbox {previous.MailboxId} (cap {previous.CapId}) as this home's mailbox";
        }

        await WriteAsync(s.Context, json, text).ConfigureAwait(false);
        return 0;
    }
}
