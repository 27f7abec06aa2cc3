// The one exception of the messaging layer: a reason from MessageRejectReason and a short text without content.
using System;

namespace WotId.Node.Messaging;

/// <summary>A message was refused; <see cref="Reason"/> says why.</summary>
internal sealed class MessagingException : Exception
{
    internal MessagingException(MessageRejectReason reason, string detail, Exception? inner = null)
        : base(Token(reason) + ": " + detail, inner)
    {
        Reason = reason;
    }

    /// <summary>Why.</summary>
    internal MessageRejectReason Reason { get; }

    /// <summary>The wire/log token of <paramref name="reason"/>.</summary>
    internal static string Token(MessageRejectReason reason) => reason switch
    {
        MessageRejectReason.Malformed => "malformed_message",
        MessageRejectReason.UnknownSender => "unknown_sender",
        MessageRejectReason.Duplicate => "duplicate",
        MessageRejectReason.BadSignature => "bad_signature",
        MessageRejectReason.WrongRecipient => "wrong_recipient",
        MessageRejectReason.UntrustedIdentity => "untrusted_identity",
        MessageRejectReason.TooLarge => "too_large",
        MessageRejectReason.NoSession => "no_session",
        MessageRejectReason.DecryptionFailed => "decryption_failed",
        MessageRejectReason.UnknownPreKey => "unknown_prekey",
        MessageRejectReason.RefusedSender => "refused_sender",
        _ => "unknown",
    };
}
