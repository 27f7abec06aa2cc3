// The profile's IOTA mailbox setting (Profile.Keys iota_mailbox.*), read from the database on each access so a
// `wotid mailbox use-iota` made while nothing else runs is seen by the next node. The cap is held by the profile's
// mailbox account key (Keys.MailboxAccountKey); a profile made without a mailbox gets one on first use.
using System;
using System.Text;
using WotId.Mailbox;
using WotId.Mailbox.Signing;
using WotId.Mailbox.Types;
using WotId.Node.Storage;

namespace WotId.Node.Profile;

public sealed partial class Profile
{
    /// <summary>The profile's mailbox on the IOTA chain, or null.</summary>
    /// <exception cref="ProfileException">The stored setting is malformed (<see cref="ProfileError.Corrupt"/>).</exception>
    public IotaMailboxSettings? IotaMailbox => _db.Read(c =>
    {
        string? rpc = ProfileValues.GetText(c, null, Keys.IotaMailboxRpc);
        if (rpc is null)
        {
            return null;
        }

        if (!Uri.TryCreate(rpc, UriKind.Absolute, out Uri? endpoint)
            || !IotaAddress.TryParse(ProfileValues.GetText(c, null, Keys.IotaMailboxPackage), out IotaAddress package)
            || !IotaAddress.TryParse(ProfileValues.GetText(c, null, Keys.IotaMailboxId), out IotaAddress id)
            || !IotaAddress.TryParse(ProfileValues.GetText(c, null, Keys.IotaMailboxCap), out IotaAddress cap))
        {
            throw new ProfileException(ProfileError.Corrupt, "stored IOTA mailbox settings are malformed");
        }

        return new IotaMailboxSettings(endpoint, package, new MailboxHandle(id, cap));
    });

    /// <summary>Remembers <paramref name="settings"/> as the profile's IOTA mailbox (replacing any earlier one).</summary>
    /// <exception cref="ArgumentException">The endpoint is not an absolute http or https URL.</exception>
    public void SetIotaMailbox(IotaMailboxSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (!IsRpcEndpoint(settings.Rpc))
        {
            throw new ArgumentException("an IOTA JSON-RPC endpoint is an absolute http or https URL", nameof(settings));
        }

        _db.Write((c, t) =>
        {
            ProfileValues.SetText(c, t, Keys.IotaMailboxRpc, settings.Rpc.ToString());
            ProfileValues.SetText(c, t, Keys.IotaMailboxPackage, settings.Package.ToString());
            ProfileValues.SetText(c, t, Keys.IotaMailboxId, settings.Handle.MailboxId.ToString());
            ProfileValues.SetText(c, t, Keys.IotaMailboxCap, settings.Handle.CapId.ToString());
        });
    }

    /// <summary>True for an absolute http or https URL (the JSON-RPC transports IOTA full nodes serve).</summary>
    public static bool IsRpcEndpoint(Uri? endpoint) =>
        endpoint is { IsAbsoluteUri: true } && (endpoint.Scheme == Uri.UriSchemeHttp || endpoint.Scheme == Uri.UriSchemeHttps);

    /// <summary>The mailbox account key (caller disposes), created and sealed in the profile when there is none yet.</summary>
    internal IotaKeyPair EnsureMailboxAccount()
    {
        if (OpenMailboxAccount() is { } existing)
        {
            return existing;
        }

        IotaKeyPair created = IotaKeyPair.Generate();
        byte[] text = Encoding.UTF8.GetBytes(created.ExportPrivateKey());
        try
        {
            _db.Write((c, t) =>
            {
                if (ProfileValues.Get(c, t, Keys.MailboxAccountKey) is null)
                {
                    ProfileValues.SetSealed(_db.Key, c, t, Keys.MailboxAccountKey, text);
                }
            });
        }
        finally
        {
            System.Security.Cryptography.CryptographicOperations.ZeroMemory(text);
        }

        created.Dispose();
        return OpenMailboxAccount() ?? throw new ProfileException(ProfileError.Corrupt, "the mailbox account key was not stored");
    }
}
