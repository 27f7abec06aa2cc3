// Creating a profile's mailbox on the IOTA chain (`wotid mailbox use-iota`, `wotid init --iota-rpc`): the profile's
// mailbox account key signs create_mailbox (move/wotid_mailbox, mailbox.move) through the given JSON-RPC endpoint,
// which makes that account the holder of the MailboxOwnerCap, and the profile remembers endpoint, package, mailbox
// and cap. The account pays the gas. Works while the profile's node is stopped or running (the node reads the
// setting at its next start).
using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging.Abstractions;
using WotId.Mailbox;
using WotId.Mailbox.Signing;
using WotId.Mailbox.Types;
using WotId.Node.Profile;

namespace WotId.Node.IotaMailboxes;

/// <summary>Creates and remembers a profile's IOTA mailbox.</summary>
public static class IotaMailboxSetup
{
    /// <summary>Creates a Mailbox object of <paramref name="package"/> through <paramref name="rpc"/> and stores it in <paramref name="profile"/>.</summary>
    /// <exception cref="ArgumentException">The endpoint is not an absolute http or https URL.</exception>
    /// <exception cref="MailboxException">The node refused the transaction or could not be reached.</exception>
    public static async Task<IotaMailboxSettings> UseIotaAsync(Profile.Profile profile, Uri rpc, IotaAddress package, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(profile);
        if (!Profile.Profile.IsRpcEndpoint(rpc))
        {
            throw new ArgumentException("an IOTA JSON-RPC endpoint is an absolute http or https URL", nameof(rpc));
        }

        using IotaKeyPair account = profile.EnsureMailboxAccount();
        using var link = new IotaMailboxLink(profile.Home, rpc, package, account, TimeProvider.System, NullLoggerFactory.Instance);
        MailboxHandle handle = await link.Mailbox.CreateAsync(ReadOnlyMemory<byte>.Empty, MailboxLimits.MaxPayloadBytes, cancellationToken).ConfigureAwait(false);
        var settings = new IotaMailboxSettings(rpc, package, handle);
        profile.SetIotaMailbox(settings);
        return settings;
    }
}
