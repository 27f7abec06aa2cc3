// Responses of /wotid/mailbox/1.0.0 (docs/mailbox.md "Hosted mailboxes"):
//   status u8: 0 ok | 1 mailbox error: code u16, message lp | 2 argument error, 3 argument out of range: parameter
//   name lp, message lp
// ok bodies by op: Create mailbox | cap; GetMailbox id | owner | key lp | max u64 | stored u64 | blocked count u16 |
// addresses; Send message | seq u64; List count u8 | infos | next cursor (u8 flag [+ lp]); Read, ReceiveAndDelete
// info | payload lp; Claim, Delete, SetBlocked nothing. An info is id | mailbox | sender | sent-at u64 | seq u64 |
// size u32 (as u64) | state u8 (0 pending, 1 archived).
using System;
using System.Collections.Generic;
using WotId.Mailbox.Types;

namespace WotId.Mailbox.Hosted;

/// <summary>Encodes and decodes responses; decoding throws <see cref="MailboxException"/> (<see cref="MailboxError.MalformedResponse"/>).</summary>
internal static class HostedResponseCodec
{
    private const int MaxTextBytes = 1024;

    internal static byte[] Encode(HostedOp op, HostedResponse response)
    {
        var w = new HostedWriter();
        w.Byte(response.Status);
        switch (response.Status)
        {
            case HostedResponse.MailboxFailure:
                w.U16((int)response.Error);
                w.Text(Clip(response.Text));
                break;
            case HostedResponse.ArgumentFailure or HostedResponse.ArgumentOutOfRangeFailure:
                w.Text(Clip(response.ParamName ?? ""));
                w.Text(Clip(response.Text));
                break;
            default:
                WriteResult(w, op, response);
                break;
        }

        return w.ToArray();
    }

    internal static HostedResponse Decode(HostedOp op, ReadOnlySpan<byte> body)
    {
        var r = new HostedReader(body, MailboxError.MalformedResponse);
        byte status = r.Byte("status");
        HostedResponse response = status switch
        {
            HostedResponse.Ok => ReadResult(ref r, op),
            HostedResponse.MailboxFailure => new HostedResponse { Status = status, Error = (MailboxError)r.U16("error"), Text = r.Text("message", MaxTextBytes) },
            HostedResponse.ArgumentFailure or HostedResponse.ArgumentOutOfRangeFailure =>
                new HostedResponse { Status = status, ParamName = r.Text("parameter", MaxTextBytes), Text = r.Text("message", MaxTextBytes) },
            _ => throw r.Fail("unknown status " + status),
        };
        r.End();
        return response;
    }

    private static string Clip(string text)
    {
        // Messages are ASCII in practice; clip by characters, then by bytes, so the decoder's limit always holds.
        string s = text.Length > 256 ? text[..256] : text;
        return System.Text.Encoding.UTF8.GetByteCount(s) <= MaxTextBytes ? s : "";
    }

    private static void WriteResult(HostedWriter w, HostedOp op, HostedResponse q)
    {
        switch (op)
        {
            case HostedOp.Create:
                w.Address(q.Handle!.MailboxId);
                w.Address(q.Handle.CapId);
                break;
            case HostedOp.GetMailbox:
                MailboxInfo info = q.Info!;
                w.Address(info.Id);
                w.Address(info.OwnerHint);
                w.LengthPrefixed(info.EncryptionKey);
                w.U64(info.MaxPayloadBytes);
                w.U64(info.StoredCount);
                w.U16(info.Blocked.Count);
                foreach (IotaAddress b in info.Blocked)
                {
                    w.Address(b);
                }

                break;
            case HostedOp.Send:
                w.Address(q.Sent!.MessageId!.Value);
                w.U64(q.Sent.Seq);
                break;
            case HostedOp.List:
                w.Byte(checked((byte)q.Page!.Messages.Count));
                foreach (MessageInfo m in q.Page.Messages)
                {
                    WriteInfo(w, m);
                }

                w.OptionalText(q.Page.NextCursor);
                break;
            case HostedOp.Read or HostedOp.ReceiveAndDelete:
                WriteInfo(w, q.Message!.Info);
                w.LengthPrefixed(q.Message.Payload);
                break;
            default:
                break;
        }
    }

    private static HostedResponse ReadResult(ref HostedReader r, HostedOp op)
    {
        switch (op)
        {
            case HostedOp.Create:
                IotaAddress mailbox = r.Address("mailbox");
                return new HostedResponse { Handle = new MailboxHandle(mailbox, r.Address("cap")) };
            case HostedOp.GetMailbox:
                IotaAddress id = r.Address("mailbox");
                IotaAddress owner = r.Address("owner");
                byte[] key = r.LengthPrefixed("encryption key", HostedRequestCodec.MaxKeyFieldBytes).ToArray();
                ulong max = r.U64("max payload");
                ulong stored = r.U64("stored count");
                int count = r.U16("blocked count");
                if (count > MailboxLimits.MaxBlocked)
                {
                    throw r.Fail($"{count} blocked senders exceed {MailboxLimits.MaxBlocked}");
                }

                var blocked = new List<IotaAddress>(count);
                for (int i = 0; i < count; i++)
                {
                    blocked.Add(r.Address("blocked sender"));
                }

                return new HostedResponse { Info = new MailboxInfo(id, owner, key, max, stored, blocked) };
            case HostedOp.Send:
                IotaAddress message = r.Address("message");
                return new HostedResponse { Sent = new SendResult(true, message, r.U64("seq")) };
            case HostedOp.List:
                int n = r.Byte("message count");
                if (n > MailboxLimits.MaxListPageSize)
                {
                    throw r.Fail($"{n} messages exceed a page of {MailboxLimits.MaxListPageSize}");
                }

                var infos = new List<MessageInfo>(n);
                for (int i = 0; i < n; i++)
                {
                    infos.Add(ReadInfo(ref r));
                }

                return new HostedResponse { Page = new MessagePage(infos, r.OptionalText("cursor", HostedRequestCodec.MaxCursorBytes)) };
            case HostedOp.Read or HostedOp.ReceiveAndDelete:
                MessageInfo info = ReadInfo(ref r);
                byte[] payload = r.LengthPrefixed("payload", HostedMailboxProtocol.MaxFrameBytes).ToArray();
                return new HostedResponse { Message = new MailboxMessage(info, payload) };
            default:
                return new HostedResponse();
        }
    }

    private static void WriteInfo(HostedWriter w, MessageInfo m)
    {
        w.Address(m.Id);
        w.Address(m.MailboxId);
        w.Address(m.Sender);
        w.U64(m.SentAtMs);
        w.U64(m.Seq);
        w.U64((ulong)m.Size);
        w.Byte(m.State == MessageState.Archived ? (byte)1 : (byte)0);
    }

    private static MessageInfo ReadInfo(ref HostedReader r)
    {
        IotaAddress id = r.Address("message");
        IotaAddress mailbox = r.Address("mailbox");
        IotaAddress sender = r.Address("sender");
        ulong at = r.U64("sent at");
        ulong seq = r.U64("seq");
        ulong size = r.U64("size");
        if (size > (ulong)HostedMailboxProtocol.MaxFrameBytes)
        {
            throw r.Fail("message size " + size + " is out of range");
        }

        MessageState state = r.Bool("state") ? MessageState.Archived : MessageState.Pending;
        return new MessageInfo(id, mailbox, sender, at, seq, (int)size, state);
    }
}
