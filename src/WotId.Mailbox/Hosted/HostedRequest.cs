using System;
using WotId.Mailbox.Types;

namespace WotId.Mailbox.Hosted;

/// <summary>
/// One decoded request of <c>/wotid/mailbox/1.0.0</c>. Fields an operation does not use stay default. Layout of
/// each operation in <see cref="HostedRequestCodec"/>.
/// </summary>
internal sealed class HostedRequest
{
    public HostedOp Op { get; init; }

    /// <summary>Unix milliseconds when the client made the request.</summary>
    public long TimestampMs { get; init; }

    public byte[] Nonce { get; init; } = new byte[HostedMailboxProtocol.NonceBytes];

    /// <summary>The caller's ML-DSA-65 public key (empty for unsigned operations).</summary>
    public byte[] PublicKey { get; init; } = [];

    public IotaAddress MailboxId { get; init; }

    public IotaAddress CapId { get; init; }

    /// <summary>The message of claim/read/delete/receive-and-delete, or the sender of set-blocked.</summary>
    public IotaAddress Target { get; init; }

    public bool Blocked { get; init; }

    /// <summary>The payload of send, or the encryption key of create.</summary>
    public byte[] Data { get; init; } = [];

    public ulong MaxPayloadBytes { get; init; }

    public string? Cursor { get; init; }

    public int PageSize { get; init; }

    /// <summary>The signature (empty for unsigned operations).</summary>
    public byte[] Signature { get; set; } = [];

    /// <summary>Set by the decoder: how many leading bytes the signature covers.</summary>
    public int SignedLength { get; set; }

    public MailboxHandle Handle => new(MailboxId, CapId);

    public override string ToString() => $"{Op} on {MailboxId}";
}
