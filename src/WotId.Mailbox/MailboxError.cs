namespace WotId.Mailbox;

/// <summary>
/// Why a mailbox operation failed. Values 0–12 are the abort codes of <c>move/wotid_mailbox</c> (same numbers);
/// 100+ are transaction-level rejections (the chain refuses them before or outside the package); 200+ are
/// transport and node failures; 300+ are refusals of a mailbox host (<c>/wotid/mailbox/1.0.0</c>, docs/mailbox.md
/// "Hosted mailboxes").
/// </summary>
public enum MailboxError
{
    /// <summary>Move 0 <c>ENotOwner</c>: the cap belongs to another mailbox.</summary>
    NotOwner = 0,

    /// <summary>Move 1 <c>EPayloadTooLarge</c>.</summary>
    PayloadTooLarge = 1,

    /// <summary>Move 2 <c>EPayloadEmpty</c>.</summary>
    PayloadEmpty = 2,

    /// <summary>Move 3 <c>ESenderBlocked</c>.</summary>
    SenderBlocked = 3,

    /// <summary>Move 4 <c>EWrongMailbox</c>: the message is addressed to another mailbox.</summary>
    WrongMailbox = 4,

    /// <summary>Move 6 <c>EInvalidPolicy</c>: bad size limit or key length.</summary>
    InvalidPolicy = 6,

    /// <summary>Move 7 <c>EMessageNotFound</c>: no archived message with that ID.</summary>
    MessageNotFound = 7,

    /// <summary>Move 8 <c>EBlocklistFull</c>.</summary>
    BlocklistFull = 8,

    /// <summary>Move 9 <c>EWrongVersion</c>: the mailbox needs <c>migrate</c> to this package's layout version.</summary>
    WrongVersion = 9,

    /// <summary>Move 10 <c>ECapRevoked</c>: <c>rotate_cap</c> replaced this cap.</summary>
    CapRevoked = 10,

    /// <summary>Move 11 <c>ENotUpgrade</c>: <c>migrate</c> on a mailbox already at this version.</summary>
    NotUpgrade = 11,

    /// <summary>Move 12 <c>ECapStillValid</c>: <c>destroy_revoked_cap</c> on the valid cap.</summary>
    CapStillValid = 12,

    /// <summary>An input object (mailbox, cap, message) does not exist.</summary>
    ObjectNotFound = 100,

    /// <summary>The caller does not own an owned input (for example someone else's cap): rejected at signing.</summary>
    ObjectNotOwnedByCaller = 101,

    /// <summary>The message is not pending in this mailbox (already claimed or deleted): <c>iota::transfer</c> abort 3.</summary>
    UnableToReceive = 102,

    /// <summary>The node could not be reached (connection refused, DNS, timeout).</summary>
    NodeUnreachable = 200,

    /// <summary>The node answered with an HTTP or JSON-RPC error.</summary>
    NodeError = 201,

    /// <summary>The node's answer could not be understood.</summary>
    MalformedResponse = 202,

    /// <summary>The transaction executed but failed (status <c>failure</c>) for a reason not mapped above.</summary>
    TransactionFailed = 203,

    /// <summary>No gas coin with enough balance.</summary>
    InsufficientGas = 204,

    /// <summary>A mailbox host could not decode the request (or a client the host's answer is not a valid response).</summary>
    MalformedRequest = 300,

    /// <summary>The request is larger than the host's frame limit.</summary>
    RequestTooLarge = 301,

    /// <summary>The request's ML-DSA-65 signature does not verify for its public key, this host and these bytes.</summary>
    BadSignature = 302,

    /// <summary>The request's nonce was seen before (a replayed request).</summary>
    Replayed = 303,

    /// <summary>The request's timestamp is outside the host's clock-skew window.</summary>
    StaleRequest = 304,

    /// <summary>The sending peer made too many requests; retry later.</summary>
    RateLimited = 305,

    /// <summary>A storage quota of the host (per mailbox, per owner or in total) is used up.</summary>
    QuotaExceeded = 306,
}
