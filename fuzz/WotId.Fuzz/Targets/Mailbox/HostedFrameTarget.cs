// Fuzz target: the request and response decoders of the mailbox host protocol /wotid/mailbox/1.0.0 (a host reads
// requests from any peer; a client reads responses from any host it was pointed at).
using System;
using WotId.Mailbox;
using WotId.Mailbox.Hosted;

namespace WotId.Fuzz.Targets.Mailbox;

/// <summary>Only <see cref="MailboxException"/> may escape; a decoded request must encode back to the same bytes when unsigned.</summary>
public sealed class HostedFrameTarget : IFuzzTarget
{
    /// <inheritdoc />
    public string Name => "mailbox-hosted-frame";

    /// <inheritdoc />
    public void Run(ReadOnlySpan<byte> input)
    {
        try
        {
            HostedRequest request = HostedRequestCodec.Decode(input);
            if (!HostedOps.IsSigned(request.Op) && !HostedRequestCodec.Encode(request, ReadOnlySpan<byte>.Empty, null).AsSpan().SequenceEqual(input))
            {
                throw new InvalidOperationException("an unsigned request does not encode back to its bytes");
            }
        }
        catch (MailboxException)
        {
        }

        foreach (HostedOp op in Enum.GetValues<HostedOp>())
        {
            try
            {
                HostedResponseCodec.Decode(op, input);
            }
            catch (MailboxException)
            {
            }
        }
    }
}
