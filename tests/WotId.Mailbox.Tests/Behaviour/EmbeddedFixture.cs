using System;
using System.IO;
using WotId.Crypto;
using WotId.Mailbox.Embedded;
using WotId.Mailbox.Types;

namespace WotId.Mailbox.Tests.Behaviour;

/// <summary>A fresh embedded mailbox database in a temporary folder, plus three parties.</summary>
internal sealed class EmbeddedFixture : IDisposable
{
    public EmbeddedFixture()
    {
        Folder = Path.Combine(Path.GetTempPath(), "wotid-mailbox-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Folder);
        Store = EmbeddedMailboxStore.Open(Path.Combine(Folder, "mailbox.db"));
        Owner = (EmbeddedMailbox)Store.As(NewAddress());
        Sender = (EmbeddedMailbox)Store.As(NewAddress());
        Stranger = (EmbeddedMailbox)Store.As(NewAddress());
    }

    public string Folder { get; }

    public EmbeddedMailboxStore Store { get; }

    public EmbeddedMailbox Owner { get; }

    public EmbeddedMailbox Sender { get; }

    public EmbeddedMailbox Stranger { get; }

    public static IotaAddress NewAddress() => new(RandomBytes.Get(32));

    public void Dispose()
    {
        Store.Dispose();
        try
        {
            Directory.Delete(Folder, true);
        }
        catch (IOException)
        {
            // Leave it for the OS temp cleaner.
        }
    }
}
