// Wire tokens of HandshakeFailureReason (the "error" member of a handshake error, docs/node.md "Handshake") and the
// mapping of WotId.Identity's VerificationFailure onto the handshake reasons.
using System;
using System.Collections.Generic;
using WotId.Identity.Verification;

namespace WotId.Node.Handshake;

/// <summary>Reason tokens and the verifier mapping.</summary>
internal static class HandshakeReasons
{
    private static readonly Dictionary<HandshakeFailureReason, string> s_tokens = new()
    {
        [HandshakeFailureReason.BadSignature] = "bad_signature",
        [HandshakeFailureReason.UntrustedIssuer] = "untrusted_issuer",
        [HandshakeFailureReason.Expired] = "expired",
        [HandshakeFailureReason.NotYetValid] = "not_yet_valid",
        [HandshakeFailureReason.Revoked] = "revoked",
        [HandshakeFailureReason.StatusUnavailable] = "status_unavailable",
        [HandshakeFailureReason.SubjectMismatch] = "subject_mismatch",
        [HandshakeFailureReason.BindingMismatch] = "binding_mismatch",
        [HandshakeFailureReason.ReplayedPresentation] = "replayed_presentation",
        [HandshakeFailureReason.MissingCredential] = "missing_credential",
        [HandshakeFailureReason.MalformedMessage] = "malformed_message",
        [HandshakeFailureReason.VersionNotSupported] = "version_not_supported",
        [HandshakeFailureReason.Timeout] = "timeout",
    };

    private static readonly Dictionary<string, HandshakeFailureReason> s_byToken = Invert();

    /// <summary>The wire token of <paramref name="reason"/>.</summary>
    public static string ToToken(HandshakeFailureReason reason) =>
        s_tokens.TryGetValue(reason, out string? token) ? token : throw new ArgumentOutOfRangeException(nameof(reason));

    /// <summary>The reason of a wire token; false for an unknown token.</summary>
    public static bool TryParse(string token, out HandshakeFailureReason reason) => s_byToken.TryGetValue(token, out reason);

    /// <summary>Maps a verifier verdict (not <see cref="VerificationFailure.None"/>) onto a handshake reason.</summary>
    public static HandshakeFailureReason FromVerification(VerificationFailure failure) => failure switch
    {
        VerificationFailure.MalformedInput => HandshakeFailureReason.MalformedMessage,
        VerificationFailure.BadSignature => HandshakeFailureReason.BadSignature,
        VerificationFailure.AlgorithmNotAllowed => HandshakeFailureReason.BadSignature,
        VerificationFailure.UnknownIssuer => HandshakeFailureReason.UntrustedIssuer,
        VerificationFailure.DidUnresolvable => HandshakeFailureReason.UntrustedIssuer,
        VerificationFailure.Expired => HandshakeFailureReason.Expired,
        VerificationFailure.NotYetValid => HandshakeFailureReason.NotYetValid,
        VerificationFailure.Revoked => HandshakeFailureReason.Revoked,
        VerificationFailure.StatusUnavailable => HandshakeFailureReason.StatusUnavailable,
        VerificationFailure.WrongSubject => HandshakeFailureReason.SubjectMismatch,
        VerificationFailure.WrongType => HandshakeFailureReason.MissingCredential,
        VerificationFailure.NotBound => HandshakeFailureReason.BindingMismatch,
        VerificationFailure.ReplayedNonce => HandshakeFailureReason.ReplayedPresentation,
        _ => throw new ArgumentOutOfRangeException(nameof(failure), failure, "not a failure"),
    };

    private static Dictionary<string, HandshakeFailureReason> Invert()
    {
        var map = new Dictionary<string, HandshakeFailureReason>(StringComparer.Ordinal);
        foreach ((HandshakeFailureReason reason, string token) in s_tokens)
        {
            map.Add(token, reason);
        }

        return map;
    }
}
