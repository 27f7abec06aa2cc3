// wot.id messages in signed TSP messages, as the handshake and the messaging layer both use them (docs/messages.md
// §3; docs/node.md "Handshake", "Framing" and "Messaging", step 2): the CESR envelope (-S, no TSP encryption) from
// the sender's ML-DSA-65 did:key, payload = the UTF-8 wot.id JSON, signature over the envelope by the sender.
using System;
using System.Threading;
using System.Threading.Tasks;
using WotId.Tsp.Messages;
using WotId.Tsp.Wire;

namespace WotId.Node.Messaging;

/// <summary>Signing and opening of wot.id messages carried by TSP.</summary>
internal static class SignedWotMessage
{
    /// <summary>Signs <paramref name="message"/> from <paramref name="sender"/> to <paramref name="receiver"/> (null: no receiver).</summary>
    internal static byte[] Sign(ITspSigner signer, string sender, string? receiver, WotMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return TspSignedMessage.Create(signer, sender, receiver, new TspGenericPayload(WotMessageCodec.Serialize(message)));
    }

    /// <summary>
    /// Verifies the TSP signature (and <paramref name="expectedReceiver"/> when given), then parses the wot.id message
    /// with its schema. <c>Message</c> is null when the payload is not an XSCS message; <c>Json</c> is the signed JSON.
    /// </summary>
    /// <exception cref="TspException">Malformed or not authentic TSP.</exception>
    /// <exception cref="WotMessageException">The payload is not a valid wot.id message.</exception>
    internal static async ValueTask<(TspOpenedMessage Tsp, WotMessage? Message, byte[]? Json)> OpenAsync(
        TspMessageVerifier verifier, ReadOnlyMemory<byte> frame, string? expectedReceiver, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(verifier);
        TspOpenedMessage opened = await verifier.OpenAsync(frame, expectedReceiver, cancellationToken).ConfigureAwait(false);
        if (opened.Payload is not TspGenericPayload generic)
        {
            return (opened, null, null);
        }

        byte[] json = generic.Data.ToArray();
        return (opened, WotMessageCodec.Parse(json), json);
    }
}
