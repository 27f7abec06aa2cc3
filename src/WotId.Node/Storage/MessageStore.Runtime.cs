// What the running node asks of the outbox besides the messaging layer's calls: the wot.id type of an outgoing
// message (the node reports message.sent for chat messages only, not for the receipts it sends).
using WotId.Node.Profile;

namespace WotId.Node.Storage;

internal sealed partial class MessageStore
{
    /// <summary>The wot.id type of outgoing message <paramref name="messageId"/>, or null when there is none.</summary>
    internal string? OutgoingType(string messageId) => _db.Read(c => ProfileDatabase.Scalar(c, null, "SELECT type FROM outbox WHERE message_id = $1", messageId) switch
    {
        null => null,
        string { Length: > 0 and <= 64 } type => type,
        _ => throw new ProfileException(ProfileError.Corrupt, "stored outbox type is malformed"),
    });
}
