// Reads a Mailbox object's JSON content (`content.fields`): owner_hint, encryption_key (array of u8),
// max_payload_bytes and stored_count (u64 strings), blocked ({fields: {contents: [address…]}}) as the JSON-RPC
// node renders Move values.
using System;
using System.Collections.Generic;
using System.Text.Json;
using WotId.Mailbox.Rpc;
using WotId.Mailbox.Types;

namespace WotId.Mailbox.Chain;

/// <summary>Parses Mailbox fields.</summary>
internal static class MailboxFields
{
    public static MailboxInfo Parse(IotaAddress id, IotaObject o)
    {
        if (o.Fields is not JsonElement f || f.ValueKind != JsonValueKind.Object)
        {
            throw new MailboxException(MailboxError.MalformedResponse, "mailbox object without fields");
        }

        try
        {
            IotaAddress owner = RpcResponseParser.ParseAddress(f.GetProperty("owner_hint"), "owner_hint");
            var key = new List<byte>();
            foreach (JsonElement b in f.GetProperty("encryption_key").EnumerateArray())
            {
                key.Add(b.GetByte());
            }

            ulong max = RpcResponseParser.ParseU64(f.GetProperty("max_payload_bytes"), "max_payload_bytes");
            ulong stored = RpcResponseParser.ParseU64(f.GetProperty("stored_count"), "stored_count");
            var blocked = new List<IotaAddress>();
            JsonElement set = f.GetProperty("blocked");
            JsonElement contents = set.TryGetProperty("fields", out JsonElement sf) ? sf.GetProperty("contents") : set.GetProperty("contents");
            foreach (JsonElement a in contents.EnumerateArray())
            {
                blocked.Add(RpcResponseParser.ParseAddress(a, "blocked"));
            }

            return new MailboxInfo(id, owner, key.ToArray(), max, stored, blocked);
        }
        catch (Exception ex) when (ex is KeyNotFoundException or InvalidOperationException or FormatException or IotaRpcException)
        {
            throw new MailboxException(MailboxError.MalformedResponse, "mailbox fields", ex);
        }
    }
}
