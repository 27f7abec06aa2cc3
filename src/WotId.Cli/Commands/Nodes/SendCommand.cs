using System.Collections.Generic;
using System.CommandLine;
using System.Threading;
using System.Threading.Tasks;
using WotId.Node.Api;

namespace WotId.Cli.Commands.Nodes;

/// <summary>
/// <c>wotid send CONTACT TEXT</c>: returns once the contact's node acknowledged the message (direct) or it was
/// deposited in the contact's mailbox; a node started for the command stops only then (SendTextAsync returns then).
/// </summary>
internal sealed class SendCommand : NodeCommand
{
    /// <summary>Longest text accepted on the command line, in characters (the message limit is checked by the node).</summary>
    private const int MaxTextLength = 64 * 1024;

    public override string Name => "send";

    public override string Summary => "send a text to a contact; prints how it went (direct, or deposited in their mailbox); exit 3 when only queued";

    public override IReadOnlyList<Symbol> Symbols { get; } =
    [
        CliSymbols.Positional("CONTACT", "the contact's name or fingerprint"),
        CliSymbols.Positional("TEXT", "the message (quote it)"),
    ];

    protected override void Validate(CliArguments arguments)
    {
        string text = arguments.RequirePositional(1, "TEXT");
        if (text.Length is 0 or > MaxTextLength)
        {
            throw new CliUsageException($"TEXT must be 1..{MaxTextLength} characters");
        }
    }

    protected override async Task<int> ExecuteAsync(CliContext context, IWotIdNode node, CliArguments arguments, CancellationToken cancellationToken)
    {
        SentMessage sent = await node.SendTextAsync(arguments.RequirePositional(0, "CONTACT"), arguments.Positional[1], cancellationToken).ConfigureAwait(false);
        string how = sent.Delivered == DeliveryRoutes.Direct
            ? $"delivered to {sent.Contact}'s node (direct)"
            : $"{sent.Contact} could not be reached directly (offline, or the handshake failed): deposited in their mailbox ({sent.Delivered})";
        await WriteAsync(context, new { id = sent.Id, contact = sent.Contact, delivered = sent.Delivered }, $"{how}\nmessage id: {sent.Id}").ConfigureAwait(false);
        return ExitCodes.Ok;
    }
}
