// Crash-safety helper for tests/WotId.Mailbox.Tests/Process: runs embedded-mailbox operations in a loop and prints
// one line per committed operation, so the parent can kill it at any moment and then audit the database.
//   send  DB CALLER MAILBOX COUNT          sends COUNT messages (payload = index as 8 bytes), prints "sent SEQ ID"
//   claim DB CALLER MAILBOX CAP            claims every pending message, prints "claimed ID", then "done"
//   throughput DB N                        N deposit+claim pairs of 1 KiB through IMailbox; prints wall and CPU time
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
        if (args[0] == "throughput")
        {
            return Throughput(store, int.Parse(args[2], CultureInfo.InvariantCulture));
        }

        IMailbox me = store.As(IotaAddress.Parse(args[2]));
        var mailbox = IotaAddress.Parse(args[3]);
        if (args[0] == "send")
        {
            ulong count = ulong.Parse(args[4], CultureInfo.InvariantCulture);
            var payload = new byte[8];
            for (ulong i = 1; i <= count; i++)
            {
                BinaryPrimitives.WriteUInt64LittleEndian(payload, i);
                SendResult r = me.SendAsync(mailbox, payload, default).GetAwaiter().GetResult();
                Console.Out.WriteLine($"sent {r.Seq} {r.MessageId}");
                Console.Out.Flush();
            }
        }
        else
        {
            var handle = new MailboxHandle(mailbox, IotaAddress.Parse(args[4]));
            while (true)
            {
                MessageInfo[] pending = me.ListAsync(mailbox, null, MailboxLimits.MaxListPageSize, default).GetAwaiter().GetResult()
                    .Messages.Where(m => m.State == MessageState.Pending).ToArray();
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

    private static int Throughput(EmbeddedMailboxStore store, int n)
    {
        var a = new byte[32];
        a[0] = 1;
        IMailbox owner = store.As(new IotaAddress(new byte[32]));
        IMailbox sender = store.As(new IotaAddress(a));
        MailboxHandle h = owner.CreateAsync(Array.Empty<byte>(), MailboxLimits.MaxPayloadBytes, default).GetAwaiter().GetResult();
        var payload = new byte[1024];
        var process = System.Diagnostics.Process.GetCurrentProcess();
        TimeSpan cpu0 = process.TotalProcessorTime;
        var wall = System.Diagnostics.Stopwatch.StartNew();
        for (int i = 1; i <= n; i++)
        {
            SendResult r = sender.SendAsync(h.MailboxId, payload, default).GetAwaiter().GetResult();
            owner.ClaimAsync(h, r.MessageId!.Value, default).GetAwaiter().GetResult();
        }

        wall.Stop();
        process.Refresh();
        double cpuMs = (process.TotalProcessorTime - cpu0).TotalMilliseconds;
        Console.Out.WriteLine(FormattableString.Invariant(
            $"{{\"n\":{n},\"wallMs\":{wall.Elapsed.TotalMilliseconds:F0},\"cpuMs\":{cpuMs:F0},\"perSecWall\":{n / wall.Elapsed.TotalSeconds:F0},\"perSecCpu\":{n / (cpuMs / 1000):F0}}}"));
        return 0;
    }
}
