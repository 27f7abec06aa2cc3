// Opening the profile in --home for the verbs that change it directly (credential, trust) and for a node started
// in this process. The passphrase comes from WOTID_PASSPHRASE or the terminal (Passphrase); a missing profile is
// reported before the passphrase is asked for.
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using WotId.Cli.Commands.Identity;
using WotId.Node.Profile;

namespace WotId.Cli.Commands.Nodes;

/// <summary>Opens the profile of a command.</summary>
internal static class ProfileAccess
{
    /// <summary>Opens the profile in <c>--home</c>; <see cref="ProfileException"/> is mapped by <see cref="NodeFailures"/>.</summary>
    public static Task<Profile> OpenAsync(CliContext context, CancellationToken cancellationToken)
    {
        RequireProfile(context);
        string passphrase = Passphrase.Read(context, confirm: false);
        return Profile.OpenAsync(context.Home, passphrase, cancellationToken);
    }

    /// <summary>Throws the <c>no-profile</c> error when <c>--home</c> holds no profile.</summary>
    public static void RequireProfile(CliContext context)
    {
        if (!File.Exists(Path.Combine(context.Home, Profile.DatabaseFileName)))
        {
            throw new CliFailure($"no profile in {context.Home}", "create one with `wotid init --name NAME`, or pass the right --home", "no-profile", ExitCodes.InvalidInput);
        }
    }
}
