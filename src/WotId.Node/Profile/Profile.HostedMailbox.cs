// The profile's hosted mailbox setting (Profile.Keys hosted_mailbox.*), read from the database on each access so a
// `wotid mailbox use-host` made while nothing else runs is seen by the next node.
using WotId.Libp2p.Multiaddr;
using WotId.Mailbox;
using WotId.Mailbox.Types;
using WotId.Node.Storage;

namespace WotId.Node.Profile;

public sealed partial class Profile
{
    /// <summary>The profile's mailbox on a mailbox host, or null.</summary>
    /// <exception cref="ProfileException">The stored setting is malformed (<see cref="ProfileError.Corrupt"/>).</exception>
    public HostedMailboxSettings? HostedMailbox => _db.Read(c =>
    {
        string? address = ProfileValues.GetText(c, null, Keys.HostedMailboxAddress);
        if (address is null)
        {
            return null;
        }

        if (!IotaAddress.TryParse(ProfileValues.GetText(c, null, Keys.HostedMailboxId), out IotaAddress id)
            || !IotaAddress.TryParse(ProfileValues.GetText(c, null, Keys.HostedMailboxCap), out IotaAddress cap))
        {
            throw new ProfileException(ProfileError.Corrupt, "stored hosted mailbox settings are malformed");
        }

        return new HostedMailboxSettings(address, new MailboxHandle(id, cap));
    });

    /// <summary>Remembers <paramref name="settings"/> as the profile's hosted mailbox (replacing any earlier one).</summary>
    /// <exception cref="System.ArgumentException">The host address does not end in <c>/p2p/&lt;peer id&gt;</c>.</exception>
    public void SetHostedMailbox(HostedMailboxSettings settings)
    {
        System.ArgumentNullException.ThrowIfNull(settings);
        if (Multiaddress.Parse(settings.HostAddress).PeerId is null)
        {
            throw new System.ArgumentException("a mailbox host address ends in /p2p/<peer id>", nameof(settings));
        }

        _db.Write((c, t) =>
        {
            ProfileValues.SetText(c, t, Keys.HostedMailboxAddress, settings.HostAddress);
            ProfileValues.SetText(c, t, Keys.HostedMailboxId, settings.Handle.MailboxId.ToString());
            ProfileValues.SetText(c, t, Keys.HostedMailboxCap, settings.Handle.CapId.ToString());
        });
    }
}
