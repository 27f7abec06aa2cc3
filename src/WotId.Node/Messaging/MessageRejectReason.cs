// Why a sealed envelope or a message frame was refused (docs/node.md "Messaging"). The wire tokens are used in logs
// and events; none of them carries message content.
namespace WotId.Node.Messaging;

/// <summary>What was wrong with an incoming or outgoing message.</summary>
internal enum MessageRejectReason
{
    /// <summary>The bytes do not follow the layout (envelope, frame, Signal message, TSP message or wot.id schema). Token <c>malformed_message</c>.</summary>
    Malformed = 1,

    /// <summary>The sender's DID hash names no contact. Token <c>unknown_sender</c>.</summary>
    UnknownSender,

    /// <summary>The message was stored before (a retransmission). Token <c>duplicate</c>.</summary>
    Duplicate,

    /// <summary>The TSP signature does not verify, or the signer is not the contact the envelope names. Token <c>bad_signature</c>.</summary>
    BadSignature,

    /// <summary>The TSP receiver is not this profile's DID. Token <c>wrong_recipient</c>.</summary>
    WrongRecipient,

    /// <summary>The contact's identity key changed and was not accepted: outgoing messages are held. Token <c>untrusted_identity</c>.</summary>
    UntrustedIdentity,

    /// <summary>A length is beyond its limit. Token <c>too_large</c>.</summary>
    TooLarge,

    /// <summary>There is no Signal session with the contact (sending), or none that knows the message (receiving). Token <c>no_session</c>.</summary>
    NoSession,

    /// <summary>Signal decryption failed (bad MAC, reused base key). Token <c>decryption_failed</c>.</summary>
    DecryptionFailed,

    /// <summary>
    /// A PreKey message names a one-time EC or Kyber prekey this profile no longer has (used by an earlier session, or
    /// never handed out): its sender built the session from a spent bundle (libsignal InvalidPreKeyId /
    /// InvalidKyberPreKeyId). Nothing is stored. Token <c>unknown_prekey</c>.
    /// </summary>
    UnknownPreKey,

    /// <summary>
    /// A mailbox message from a contact whose credential this node's last handshake with it refused (docs/node.md
    /// "Refused contacts"); checked after the signature, nothing is stored. Token <c>refused_sender</c>.
    /// </summary>
    RefusedSender,
}
