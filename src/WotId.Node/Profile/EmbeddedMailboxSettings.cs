// The profile's own mailbox in the embedded SQLite mailbox (src/WotId.Mailbox/Embedded), where contacts leave
// messages while this node is offline.
using WotId.Mailbox;
using WotId.Mailbox.Types;

namespace WotId.Node.Profile;

/// <summary>Where the profile's embedded mailbox lives and which object it is.</summary>
/// <param name="DatabasePath">The mailbox database file (absolute; stored relative to the profile home).</param>
/// <param name="Handle">The mailbox object and its owner capability.</param>
/// <param name="Account">The address of the account that owns the mailbox (its key is sealed in the profile).</param>
public sealed record EmbeddedMailboxSettings(string DatabasePath, MailboxHandle Handle, IotaAddress Account);
