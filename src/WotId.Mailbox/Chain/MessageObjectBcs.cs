// BCS contents of the Move structs of move/wotid_mailbox (field order as declared):
// MessageObject { id: UID(32), mailbox_id: ID(32), sender: address(32), sent_at_ms: u64, seq: u64, payload: vector<u8> }
// MailboxOwnerCap { id: UID(32), mailbox_id: ID(32) }.
using System;
using WotId.Mailbox.Bcs;
using WotId.Mailbox.Types;

namespace WotId.Mailbox.Chain;

/// <summary>Decoders for the mailbox package's objects as returned in <c>bcs.bcsBytes</c>.</summary>
internal static class MessageObjectBcs
{
    public static MailboxMessage DecodeMessage(ReadOnlySpan<byte> bytes, MessageState state)
    {
        var r = new BcsReader(bytes);
        var id = new IotaAddress(r.ReadFixed(32));
        var mailbox = new IotaAddress(r.ReadFixed(32));
        var sender = new IotaAddress(r.ReadFixed(32));
        ulong at = r.ReadU64();
        ulong seq = r.ReadU64();
        byte[] payload = r.ReadBytes((int)MailboxLimits.MaxPayloadBytes * 16);
        r.EnsureEnd();
        return new MailboxMessage(new MessageInfo(id, mailbox, sender, at, seq, payload.Length, state), payload);
    }

    public static (IotaAddress CapId, IotaAddress MailboxId) DecodeCap(ReadOnlySpan<byte> bytes)
    {
        var r = new BcsReader(bytes);
        var id = new IotaAddress(r.ReadFixed(32));
        var mailbox = new IotaAddress(r.ReadFixed(32));
        r.EnsureEnd();
        return (id, mailbox);
    }

    public static byte[] EncodeMessage(MailboxMessage m)
    {
        var w = new BcsWriter(m.Payload.Length + 120);
        w.WriteFixed(m.Info.Id.Span);
        w.WriteFixed(m.Info.MailboxId.Span);
        w.WriteFixed(m.Info.Sender.Span);
        w.WriteU64(m.Info.SentAtMs);
        w.WriteU64(m.Info.Seq);
        w.WriteBytes(m.Payload);
        return w.ToArray();
    }
}
