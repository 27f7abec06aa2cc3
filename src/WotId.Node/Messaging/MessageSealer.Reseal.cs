// Sealing a queued message again (docs/node.md "Sessions", "A refused PreKey message"): the contact refused it with
// unknown_prekey (its session was built from a spent bundle), the caller dropped that session and built one from a
// fresh bundle; the same wot.id message is sealed on it and replaces the outbox envelope in one transaction with the
// session state. The message id is kept, so the receiver's dedup table still stores it at most once.
using System.Threading;
using System.Threading.Tasks;
using WotId.Node.Storage;
using WotId.Tsp.Messages;

namespace WotId.Node.Messaging;

internal sealed partial class MessageSealer
{
    /// <summary>Seals queued message <paramref name="messageId"/> again; returns the new envelope, or null when it is no longer queued.</summary>
    /// <exception cref="MessagingException">As <see cref="SealAsync"/>.</exception>
    internal async ValueTask<byte[]?> ResealQueuedAsync(Contact contact, string messageId, CancellationToken ct)
    {
        Contact current = Current(contact);
        RequireTrusted(current);
        await _lock.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            if (_profile.Messages.QueuedBody(messageId) is not { } json)
            {
                return null;
            }

            WotMessage message = WotMessageCodec.Parse(json);
            using var pending = new BufferedSignalStore(_profile.SignalStore, current.IdentityKey);
            byte[] envelope = await SealCoreAsync(pending, current, message, ct).ConfigureAwait(false);
            _profile.Database.Write((c, t) =>
            {
                pending.Commit(c, t);
                _profile.Messages.ReplaceQueuedEnvelope(c, t, messageId, envelope);
            });
            return envelope;
        }
        finally
        {
            _lock.Release();
        }
    }
}
