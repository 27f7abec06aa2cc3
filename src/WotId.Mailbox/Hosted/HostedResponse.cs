namespace WotId.Mailbox.Hosted;

/// <summary>The outcome of one request: a result of the operation or a typed refusal (layout in <see cref="HostedResponseCodec"/>).</summary>
internal sealed class HostedResponse
{
    internal const byte Ok = 0;
    internal const byte MailboxFailure = 1;
    internal const byte ArgumentFailure = 2;
    internal const byte ArgumentOutOfRangeFailure = 3;

    public byte Status { get; init; }

    public MailboxError Error { get; init; }

    public string Text { get; init; } = "";

    public string? ParamName { get; init; }

    public MailboxHandle? Handle { get; init; }

    public MailboxInfo? Info { get; init; }

    public SendResult? Sent { get; init; }

    public MessagePage? Page { get; init; }

    public MailboxMessage? Message { get; init; }

    public static HostedResponse Refused(MailboxError error, string text) => new() { Status = MailboxFailure, Error = error, Text = text };
}
