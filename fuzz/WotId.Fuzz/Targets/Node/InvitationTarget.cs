// Fuzz target: the wot.id invitation decoders — the binary form (InvitationCodec.DecodeBinary), the URI parser over
// the input as text, and the QR part join over the input as one scanned text and as a second part.
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
            _ = InvitationCodec.DecodeBinary(input);
        }
        catch (InvitationException)
        {
            // Documented rejection.
        }

        string text = System.Text.Encoding.UTF8.GetString(input);
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
