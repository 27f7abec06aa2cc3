// The receiving and presenting half shared by both roles (docs/node.md "Handshake", "What each side checks"):
//  1. TSP: the frame is a TSP message signed by the sender's ML-DSA-65 did:key, addressed to us (TspMessageVerifier),
//     carrying a schema-valid wot.id message whose id was not seen in the replay window.
//  2. Presentation (CredentialVerifier): vp+jwt signed by the holder's authentication key; holder = TSP sender;
//     nonce = ConnectionBinding challenge over (holder peer id, our peer id, holder Signal identity key, Noise
//     handshake hash) and aud = "p2p:" + our peer id; iat/exp; nonce not used before.
//  3. Credential: vc+jwt VerifiedHumanCredential by a trusted issuer, signature, validFrom ≤ now < validUntil,
//     subject = holder, Bitstring Status List bit clear.
using System;
using System.Threading;
using System.Threading.Tasks;
using WotId.Identity.Binding;
using WotId.Identity.Credentials;
using WotId.Identity.Verification;
using WotId.Node.Messaging;
using WotId.Tsp.Messages;
using WotId.Tsp.Replay;
using WotId.Tsp.Wire;

namespace WotId.Node.Handshake;

/// <summary>Opening frames, verifying presentations and making our own.</summary>
internal static class HandshakeChecks
{
    /// <summary>Verifies and decodes one frame; <paramref name="expectedReceiver"/> null means "no receiver" (message 1).</summary>
    /// <exception cref="HandshakeException">Any defect, with its reason.</exception>
    public static async ValueTask<(string Sender, HandshakeMessage Message)> OpenAsync(HandshakeServices s, ReadOnlyMemory<byte> frame, string? expectedReceiver, CancellationToken cancellationToken)
    {
        TspOpenedMessage opened;
        WotMessage wot;
        try
        {
            (opened, WotMessage? message, _) = await SignedWotMessage.OpenAsync(s.Tsp, frame, expectedReceiver, cancellationToken).ConfigureAwait(false);
            if (expectedReceiver is null && opened.Receiver is not null)
            {
                throw Malformed("the handshake request names a receiver");
            }

            wot = message ?? throw Malformed("not a wot.id message");
        }
        catch (TspException ex) when (ex.Error is TspError.SignatureInvalid or TspError.SignatureAlgorithmMismatch or TspError.UnknownSender)
        {
            throw new HandshakeException(HandshakeFailureReason.BadSignature, false, "TSP signature: " + ex.Error, ex);
        }
        catch (TspException ex)
        {
            throw Malformed("TSP: " + ex.Error, ex);
        }
        catch (WotMessageException ex)
        {
            throw Malformed("wot.id message: " + ex.Error, ex);
        }

        switch (s.Replay.Check(opened.Sender + "\n" + wot.Id, wot.Timestamp))
        {
            case ReplayVerdict.Accepted:
                break;
            case ReplayVerdict.TooFarInFuture:
                throw new HandshakeException(HandshakeFailureReason.NotYetValid, false, "TSP message timestamp is in the future");
            default:
                throw new HandshakeException(HandshakeFailureReason.ReplayedPresentation, false, "TSP message already seen or older than the replay window");
        }

        return (opened.Sender, HandshakeMessageCodec.Decode(wot));
    }

    /// <summary>
    /// Whether a failed verification is a verdict on the credential itself (<see cref="HandshakeException.CredentialRefused"/>):
    /// the verifier named the credential it refused (<paramref name="credentialNamed"/>; a presentation-level failure
    /// names none), and the failure is one that does not change on a retry.
    /// </summary>
    internal static bool RefusesCredential(VerificationFailure failure, bool credentialNamed) => credentialNamed && failure is
        VerificationFailure.Revoked or VerificationFailure.Expired or VerificationFailure.NotYetValid
        or VerificationFailure.UnknownIssuer or VerificationFailure.WrongType;

    /// <summary>Verifies the presentation of a share from <paramref name="senderDid"/> received on this connection.</summary>
    /// <exception cref="HandshakeException">The verifier's reason.</exception>
    public static async ValueTask<Credential> VerifyShareAsync(HandshakeServices s, string senderDid, HandshakeMessage share, string localPeer, string remotePeer, ReadOnlyMemory<byte> channelBinding, CancellationToken cancellationToken)
    {
        ConnectionBinding binding = ConnectionBinding.ForVerifier(localPeer, remotePeer, share.IdentityKey!.Serialize(), channelBinding.Span);
        VerificationResult result = await s.Verifier.VerifyPresentationAsync(share.Presentation!, s.VerifierPolicy, binding, senderDid, cancellationToken).ConfigureAwait(false);
        if (!result.IsValid)
        {
            throw new HandshakeException(HandshakeReasons.FromVerification(result.Failure), false, result.Detail)
            {
                CredentialRefused = RefusesCredential(result.Failure, credentialNamed: result.Credential is not null),
            };
        }

        return result.Credential!;
    }

    /// <summary>Our vp+jwt for the peer <paramref name="remotePeer"/> on this connection.</summary>
    public static string Present(HandshakeServices s, string localPeer, string remotePeer, ReadOnlyMemory<byte> channelBinding)
    {
        ConnectionBinding binding = ConnectionBinding.ForHolder(localPeer, remotePeer, s.Identity.SignalIdentityKey.Serialize(), channelBinding.Span);
        string[] credentials = s.Identity.CredentialJws is { } jws ? [jws] : [];
        return PresentationBuilder.Create(s.Identity.SigningKey, s.Identity.Did, s.Identity.KeyId, credentials, binding.Challenge, binding.Audience,
            s.Time.GetUtcNow(), s.Policy.PresentationLifetime);
    }

    /// <summary>
    /// <see cref="Present"/> on the thread pool, started when the handshake stream opens (the initiator: right after
    /// it signed message 1, which is on the critical path), so the ML-DSA signature is made
    /// while the TSP messages before it are signed, sent and verified. The presentation depends only on this connection
    /// (both peer ids, our Signal identity key, the Noise handshake hash) and is sent only after the peer's message
    /// before it verified, exactly as when it is made then. The caller awaits the task before it returns.
    /// </summary>
    public static Task<string> PresentAhead(HandshakeServices s, string localPeer, string remotePeer, ReadOnlyMemory<byte> channelBinding) =>
        Task.Run(() => Present(s, localPeer, remotePeer, channelBinding));

    /// <summary>
    /// Signs <paramref name="message"/> for <paramref name="receiver"/> on the thread pool, before it is due: the ML-DSA
    /// signature is then made while the peer's message before it travels and is verified, instead of after. The frame
    /// is the one <see cref="Encode"/> would make a moment later; it is sent only at the same step as before (the peer's
    /// message verified) and only when the receiver is the one expected (<see cref="TakeAheadAsync"/>), else dropped.
    /// </summary>
    public static Task<byte[]> EncodeAhead(HandshakeServices s, Func<Task<HandshakeMessage>> message, string receiver) =>
        Task.Run(async () => Encode(s, await message().ConfigureAwait(false), receiver));

    /// <summary>The frame signed ahead by <see cref="EncodeAhead"/> when it was signed for <paramref name="receiver"/> and signing succeeded; null: sign now.</summary>
    public static async ValueTask<byte[]?> TakeAheadAsync(Task<byte[]>? ahead, string? aheadReceiver, string receiver)
    {
        if (ahead is null || aheadReceiver != receiver)
        {
            return null;
        }

        await ((Task)ahead).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        return ahead.IsCompletedSuccessfully ? ahead.Result : null;
    }

    /// <summary>Waits for work started ahead (never throws): a handshake leaves nothing running behind it.</summary>
    public static async Task SettleAsync(params Task?[] ahead)
    {
        foreach (Task? task in ahead)
        {
            if (task is not null)
            {
                await task.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    public static byte[] Encode(HandshakeServices s, HandshakeMessage message, string? receiver) =>
        HandshakeMessageCodec.Encode(message, s.Signer, s.Identity.Did, receiver, s.Time);

    /// <summary>The error frame for <paramref name="failure"/>, or null when the peer reported it (nothing to answer).</summary>
    public static byte[]? ErrorFrame(HandshakeServices s, HandshakeException failure, string? receiver) =>
        failure.ReportedByPeer ? null : Encode(s, HandshakeMessage.Error(failure.Reason), receiver);

    public static HandshakeException Malformed(string detail, Exception? inner = null) =>
        new(HandshakeFailureReason.MalformedMessage, false, detail, inner);
}
