// wot.id messages in signed TSP messages (docs/messages.md): the wot.id JSON is the XSCS payload of a -S envelope
// signed by the sender; on receipt the signature, the payload, the JSON schema and the replay window are checked.
using System;
using System.Threading;
using System.Threading.Tasks;
using WotId.Tsp.Replay;
using WotId.Tsp.Wire;

namespace WotId.Tsp.Messages;

/// <summary>Packs wot.id messages into signed TSP messages and unpacks them with every check.</summary>
public static class WotTspCodec
{
    /// <summary>Serializes <paramref name="message"/> and signs it as a TSP message from <paramref name="sender"/> to <paramref name="receiver"/>.</summary>
    public static byte[] Pack(ITspSigner signer, string sender, string receiver, WotMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return TspSignedMessage.Create(signer, sender, receiver, new TspGenericPayload(WotMessageCodec.Serialize(message)));
    }

    /// <summary>
    /// Verifies a TSP message addressed to <paramref name="receiver"/>; for an XSCS payload also parses the wot.id
    /// message (schema-checked) and runs it through <paramref name="replay"/> (keyed by sender and id).
    /// </summary>
    /// <exception cref="TspException">The TSP message is malformed or not authentic.</exception>
    /// <exception cref="WotMessageException">The XSCS payload is not a valid wot.id message.</exception>
    public static async ValueTask<WotReceivedMessage> UnpackAsync(
        TspMessageVerifier verifier, ReplayWindow replay, ReadOnlyMemory<byte> wire, string receiver, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(verifier);
        ArgumentNullException.ThrowIfNull(replay);
        TspOpenedMessage opened = await verifier.OpenAsync(wire, receiver, cancellationToken).ConfigureAwait(false);
        if (opened.Payload is not TspGenericPayload generic)
        {
            return new WotReceivedMessage(opened, null, null);
        }

        WotMessage message = WotMessageCodec.Parse(generic.Data);
        ReplayVerdict verdict = replay.Check(opened.Sender + "\n" + message.Id, message.Timestamp);
        return new WotReceivedMessage(opened, message, verdict);
    }
}
