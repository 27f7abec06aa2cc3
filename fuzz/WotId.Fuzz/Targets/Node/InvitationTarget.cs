// Fuzz target: the wot.id invitation decoders — the binary form (InvitationCodec.DecodeBinary) and the IOTA mailbox
// hint of what it decodes (IotaMailboxHint.TryParse, which never throws), the URI parser over the input as text, the
// QR part join over the input as one scanned text and as a second part, and the hint parser over the input as text.
using System;
using WotId.Node.Invitations;

namespace WotId.Fuzz.Targets.Node;

/// <summary>Feeds arbitrary input to the invitation decoders; only <see cref="InvitationException"/> may escape.</summary>
public sealed class InvitationTarget : IFuzzTarget
{
    /// <inheritdoc />
    public string Name => "node-invitation";

    /// <inheritdoc />
    public void Run(ReadOnlySpan<byte> input)
    {
        try
        {
            DecodedInvitation decoded = InvitationCodec.DecodeBinary(input);
            _ = WotId.Node.IotaMailboxes.IotaMailboxHint.TryParse(decoded.Invitation.Mailbox?.Hint, out _, out _);
        }
        catch (InvitationException)
        {
            // Documented rejection.
        }

        string text = System.Text.Encoding.UTF8.GetString(input);
        _ = WotId.Node.IotaMailboxes.IotaMailboxHint.TryParse(text, out _, out _);
        Swallow(() => InvitationCodec.Decode(text));
        Swallow(() => InvitationCodec.Decode("wotid:1/" + text));
        Swallow(() => InvitationQr.Join([text]));
        Swallow(() => InvitationQr.Join(["WOTID:1/P/1/2/AAAAAAAA/AAAA", text]));
    }

    private static void Swallow(Action decode)
    {
        try
        {
            decode();
        }
        catch (InvitationException)
        {
            // Documented rejection.
        }
    }
}
