using System;
using System.Threading.Tasks;

namespace WotId.Mailbox.Tests.Contract;

/// <summary>Three callers of one mailbox backend: the mailbox owner, a sender and a stranger.</summary>
public sealed class MailboxParties : IAsyncDisposable
{
    private readonly Func<ValueTask> _dispose;

    public MailboxParties(IMailbox owner, IMailbox sender, IMailbox stranger, Func<ValueTask> dispose)
    {
        Owner = owner;
        Sender = sender;
        Stranger = stranger;
        _dispose = dispose;
    }

    public IMailbox Owner { get; }

    public IMailbox Sender { get; }

    public IMailbox Stranger { get; }

    public ValueTask DisposeAsync() => _dispose();
}
