// Crash-safety helper for tests/WotId.Mailbox.Tests/Process: runs embedded-mailbox operations in a loop and prints
// one line per committed operation, so the parent can kill it at any moment and then audit the database.
//   send  DB CALLER MAILBOX FROM TO        sends seq FROM..TO (payload = seq as 8 bytes), prints "sent SEQ ID"
//   claim DB CALLER MAILBOX CAP            claims every pending message, prints "claimed ID", then "done"
using System;
using System.Buffers.Binary;
using System.Globalization;
using System.Linq;
using WotId.Mailbox;
using WotId.Mailbox.Embedded;
using WotId.Mailbox.Types;

namespace WotId.Mailbox.CrashHelper;

internal static class Program
{
    public static int Main(string[] args)
    {
        using EmbeddedMailboxStore store = EmbeddedMailboxStore.Open(args[1]);
        IMailbox me = store.As(IotaAddress.Parse(args[2]));
        var mailbox = IotaAddress.Parse(args[3]);
        if (args[0] == "send")
        {
            ulong from = ulong.Parse(args[4], CultureInfo.InvariantCulture);
            ulong to = ulong.Parse(args[5], CultureInfo.InvariantCulture);
            var payload = new byte[8];
            for (ulong seq = from; seq <= to; seq++)
            {
                BinaryPrimitives.WriteUInt64LittleEndian(payload, seq);
                SendResult r = me.SendAsync(mailbox, seq, payload, default).GetAwaiter().GetResult();
                Console.Out.WriteLine($"sent {seq} {r.MessageId}");
                Console.Out.Flush();
            }
        }
        else
        {
            var handle = new MailboxHandle(mailbox, IotaAddress.Parse(args[4]));
            while (true)
            {
                MessageInfo[] pending = me.ListAsync(mailbox, default).GetAwaiter().GetResult()
                    .Where(m => m.State == MessageState.Pending).ToArray();
                if (pending.Length == 0)
                {
                    break;
                }

                foreach (MessageInfo m in pending)
                {
                    me.ClaimAsync(handle, m.Id, default).GetAwaiter().GetResult();
                    Console.Out.WriteLine($"claimed {m.Id}");
                    Console.Out.Flush();
                }
            }
        }

        Console.Out.WriteLine("done");
        return 0;
    }
}
