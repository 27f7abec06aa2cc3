// Requests of /wotid/mailbox/1.0.0 (docs/mailbox.md "Hosted mailboxes", byte by byte):
//   op u8 | timestamp u64 BE (Unix ms) | nonce 16 B | public key: lp | fields | signature: lp
// fields by op (addresses are 32 raw bytes, lp = minimal unsigned varint length ‖ bytes):
//   Create       encryption key: lp | max payload u64
//   GetMailbox   mailbox
//   Send         mailbox | payload: lp
//   List         mailbox | cursor: u8 flag (0 none, 1 present) [+ UTF-8 lp] | page size u16
//   Claim, Read, Delete, ReceiveAndDelete   mailbox | cap | message
//   SetBlocked   mailbox | cap | sender | blocked u8 (0/1)
// Signed operations carry a 1 952-byte ML-DSA-65 key and a 3 309-byte signature; GetMailbox and List carry empty
// ones (lp 0). The signature covers HostedMailboxProtocol.SignedMessage(host peer id, bytes before its lp).
using System;
using WotId.Crypto;
using WotId.Mailbox.Types;

namespace WotId.Mailbox.Hosted;

/// <summary>Encodes and decodes requests; decoding throws <see cref="MailboxException"/> (<see cref="MailboxError.MalformedRequest"/>).</summary>
internal static class HostedRequestCodec
{
    /// <summary>Longest encryption key field read (the mailbox itself refuses more than 1 024 bytes with InvalidPolicy).</summary>
    internal const int MaxKeyFieldBytes = 4096;

    /// <summary>Longest cursor read.</summary>
    internal const int MaxCursorBytes = 256;

    private static readonly int s_publicKeySize = MLDsa.PublicKeySize(HostedMailboxProtocol.SignatureAlgorithm);
    private static readonly int s_signatureSize = MLDsa.SignatureSize(HostedMailboxProtocol.SignatureAlgorithm);

    /// <summary>Encodes <paramref name="request"/>, signing it for <paramref name="hostPeerId"/> when the operation is signed.</summary>
    internal static byte[] Encode(HostedRequest request, ReadOnlySpan<byte> hostPeerId, IMailboxRequestSigner? signer)
    {
        bool signed = HostedOps.IsSigned(request.Op);
        if (signed && signer is null)
        {
            throw new ArgumentNullException(nameof(signer), request.Op + " requests are signed");
        }

        var w = new HostedWriter();
        w.Byte((byte)request.Op);
        w.U64((ulong)request.TimestampMs);
        w.Raw(request.Nonce);
        w.LengthPrefixed(signed ? signer!.PublicKey.Span : ReadOnlySpan<byte>.Empty);
        WriteFields(w, request);
        byte[] signature = signed ? signer!.Sign(HostedMailboxProtocol.SignedMessage(hostPeerId, w.Written)) : [];
        w.LengthPrefixed(signature);
        return w.ToArray();
    }

    /// <summary>Decodes a request body (the frame without its length prefix).</summary>
    internal static HostedRequest Decode(ReadOnlySpan<byte> body)
    {
        var r = new HostedReader(body, MailboxError.MalformedRequest);
        byte opByte = r.Byte("op");
        if (opByte is < (byte)HostedOp.Create or > (byte)HostedOp.SetBlocked)
        {
            throw r.Fail("unknown op " + opByte);
        }

        var op = (HostedOp)opByte;
        bool signed = HostedOps.IsSigned(op);
        long timestamp = (long)r.U64("timestamp");
        byte[] nonce = r.Raw(HostedMailboxProtocol.NonceBytes, "nonce").ToArray();
        byte[] publicKey = r.LengthPrefixed("public key", s_publicKeySize).ToArray();
        if (publicKey.Length != (signed ? s_publicKeySize : 0))
        {
            throw r.Fail(signed ? "a signed request carries a 1 952-byte ML-DSA-65 key" : "an unsigned request carries no key");
        }

        HostedRequest request = ReadFields(ref r, op, timestamp, nonce, publicKey);
        request.SignedLength = r.Position;
        request.Signature = r.LengthPrefixed("signature", s_signatureSize).ToArray();
        if (request.Signature.Length != (signed ? s_signatureSize : 0))
        {
            throw r.Fail(signed ? "a signed request carries a 3 309-byte ML-DSA-65 signature" : "an unsigned request carries no signature");
        }

        r.End();
        return request;
    }

    private static void WriteFields(HostedWriter w, HostedRequest q)
    {
        switch (q.Op)
        {
            case HostedOp.Create:
                w.LengthPrefixed(q.Data);
                w.U64(q.MaxPayloadBytes);
                break;
            case HostedOp.GetMailbox:
                w.Address(q.MailboxId);
                break;
            case HostedOp.Send:
                w.Address(q.MailboxId);
                w.LengthPrefixed(q.Data);
                break;
            case HostedOp.List:
                w.Address(q.MailboxId);
                w.OptionalText(q.Cursor);
                w.U16(Math.Clamp(q.PageSize, 0, ushort.MaxValue));
                break;
            case HostedOp.SetBlocked:
                w.Address(q.MailboxId);
                w.Address(q.CapId);
                w.Address(q.Target);
                w.Byte(q.Blocked ? (byte)1 : (byte)0);
                break;
            default:
                w.Address(q.MailboxId);
                w.Address(q.CapId);
                w.Address(q.Target);
                break;
        }
    }

    private static HostedRequest ReadFields(ref HostedReader r, HostedOp op, long timestamp, byte[] nonce, byte[] publicKey)
    {
        switch (op)
        {
            case HostedOp.Create:
                byte[] key = r.LengthPrefixed("encryption key", MaxKeyFieldBytes).ToArray();
                return new HostedRequest { Op = op, TimestampMs = timestamp, Nonce = nonce, PublicKey = publicKey, Data = key, MaxPayloadBytes = r.U64("max payload") };
            case HostedOp.GetMailbox:
                return new HostedRequest { Op = op, TimestampMs = timestamp, Nonce = nonce, PublicKey = publicKey, MailboxId = r.Address("mailbox") };
            case HostedOp.Send:
                IotaAddress mailbox = r.Address("mailbox");
                byte[] payload = r.LengthPrefixed("payload", HostedMailboxProtocol.MaxFrameBytes).ToArray();
                return new HostedRequest { Op = op, TimestampMs = timestamp, Nonce = nonce, PublicKey = publicKey, MailboxId = mailbox, Data = payload };
            case HostedOp.List:
                IotaAddress listed = r.Address("mailbox");
                string? cursor = r.OptionalText("cursor", MaxCursorBytes);
                return new HostedRequest { Op = op, TimestampMs = timestamp, Nonce = nonce, PublicKey = publicKey, MailboxId = listed, Cursor = cursor, PageSize = r.U16("page size") };
            default:
                IotaAddress m = r.Address("mailbox");
                IotaAddress cap = r.Address("cap");
                IotaAddress target = r.Address(op == HostedOp.SetBlocked ? "sender" : "message");
                bool blocked = op == HostedOp.SetBlocked && r.Bool("blocked");
                return new HostedRequest { Op = op, TimestampMs = timestamp, Nonce = nonce, PublicKey = publicKey, MailboxId = m, CapId = cap, Target = target, Blocked = blocked };
        }
    }
}
