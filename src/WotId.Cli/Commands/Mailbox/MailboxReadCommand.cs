using System.Collections.Generic;
using System.CommandLine;
using System;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using WotId.Mailbox;
using WotId.Mailbox.Types;

namespace WotId.Cli.Commands.Mailbox;

/// <summary><c>wotid mailbox read</c>: prints a claimed message.</summary>
internal sealed class MailboxReadCommand : MailboxCommand
{
    private static readonly UTF8Encoding s_strict = new(false, true);

    public override string Name => "mailbox read";

    public override string Summary => "print a claimed message (text if UTF-8, else base64)";

    public override IReadOnlyList<Symbol> Symbols { get; } =
    [
        CliSymbols.Positional("MESSAGE_ID", "the message to read"),
        .. HandleOptions(),
        .. CommonOptions(),
    ];

    protected override async Task<int> ExecuteAsync(Session s, CancellationToken cancellationToken)
    {
        var id = IotaAddress.Parse(s.Arguments.RequirePositional(0, "MESSAGE_ID"));
        MailboxMessage m = await s.Mailbox.ReadAsync(s.Handle(), id, cancellationToken).ConfigureAwait(false);
        JsonObject json = ToJson(m.Info);
        json["payload"] = Convert.ToBase64String(m.Payload);
        string body;
        try
        {
            body = s_strict.GetString(m.Payload);
        }
        catch (DecoderFallbackException)
        {
            body = "base64:" + Convert.ToBase64String(m.Payload);
        }

        await WriteAsync(s.Context, json, body).ConfigureAwait(false);
        return 0;
    }
}
